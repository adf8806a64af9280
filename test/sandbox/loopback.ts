// The servers tests start (sandbox, proxy) listen on 127.0.0.1 only, and close with every socket
// they hold (keep-alive, tunnels, hung answers), so test runners exit by themselves.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

export interface TrackedSockets {
  /** Also for sockets the server does not see itself (the far side of CONNECT tunnels). */
  track: (socket: Duplex) => void;
  /** Closes the server and destroys every socket it or track() saw. */
  close: () => Promise<void>;
}

export function trackSockets(server: Server): TrackedSockets {
  const sockets = new Set<Duplex>();
  const track = (socket: Duplex): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  server.on('connection', track);
  let closing: Promise<void> | undefined;
  return {
    track,
    close: () =>
      (closing ??= new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      })),
  };
}

/** Listens on 127.0.0.1 (port 0: a free one) and resolves to the port; rejects when it is taken. */
export async function listenOnLoopback(server: Server, port = 0): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}
