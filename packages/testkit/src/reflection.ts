/**
 * Asks a gRPC server's reflection service (grpc.reflection.v1) which services
 * it lists, as grpcurl's `list` does.
 */
import { createRequire } from 'node:module';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

/** The reflection protocol's definition, as @grpc/reflection ships it. */
const REFLECTION_PROTO = createRequire(import.meta.url).resolve(
  '@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto',
);

interface ReflectionResponse {
  listServicesResponse?: { service?: { name?: string }[] };
  errorResponse?: { errorMessage?: string };
}

export async function listGrpcServices(address: string, timeoutMs = 5000): Promise<string[]> {
  const definition = loadSync(REFLECTION_PROTO, { keepCase: false });
  const info = definition['grpc.reflection.v1.ServerReflection'] as grpc.ServiceDefinition;
  const method = info.ServerReflectionInfo as grpc.MethodDefinition<{ listServices: string }, ReflectionResponse>;
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  try {
    return await new Promise<string[]>((resolve, reject) => {
      const call = client.makeBidiStreamRequest(
        method.path,
        method.requestSerialize,
        method.responseDeserialize,
        new grpc.Metadata(),
        { deadline: Date.now() + timeoutMs },
      );
      call.on('data', (response: ReflectionResponse) => {
        if (response.errorResponse) reject(new Error(response.errorResponse.errorMessage ?? 'reflection error'));
        else resolve((response.listServicesResponse?.service ?? []).map((s) => s.name ?? '').sort());
        call.end();
      });
      call.on('error', reject);
      call.write({ listServices: '*' });
    });
  } finally {
    client.close();
  }
}
