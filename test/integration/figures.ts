// Figures the integration tests measure (timings), printed after the suite's results by index.ts:
// the extension host's own console does not reach the driver.
export const figures: string[] = [];

export function figure(line: string): void {
  figures.push(line);
}
