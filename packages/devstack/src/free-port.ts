import net from 'node:net';

/**
 * Asks the kernel for an unused port on the loopback interface. The port is released
 * before the caller binds it, so another process could take it in between; the window
 * is tiny because Linux hands out ephemeral ports in a randomised order.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}
