// gRPC server reflection (grpc.reflection.v1 and v1alpha, the same messages under two names):
// what `grpcurl list`, `grpcurl describe` and JSON calls read the node's services from, as
// they read them from any Cosmos SDK node. The descriptors are the embedded FileDescriptorSet of
// the protos the node serves; the list is the services the server really serves.
//
// The few reflection messages are encoded by hand: a codec generated for six small messages
// would be bigger than this. As grpc-go does, a file is answered with its transitive imports,
// each import sent once per stream.
import { toBinary, type DescEnum, type DescFile, type DescMessage, type FileRegistry } from '@bufbuild/protobuf';
import { BinaryReader, BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import { FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';
import { status as GrpcStatus, type Server, type ServerDuplexStream } from '@grpc/grpc-js';

/** The reflection services, newest first: grpcurl 1.9 asks v1 and falls back to v1alpha. */
export const REFLECTION_SERVICES = ['grpc.reflection.v1.ServerReflection', 'grpc.reflection.v1alpha.ServerReflection'] as const;
export const REFLECTION_PATHS: readonly string[] = REFLECTION_SERVICES.map((service) => `/${service}/ServerReflectionInfo`);

/** `/cosmos.bank.v1beta1.Query/Balance` → `cosmos.bank.v1beta1.Query`. */
export function serviceOf(path: string): string {
  return path.slice(1, path.lastIndexOf('/'));
}

/** The method paths that no descriptor in `descriptors` describes (an unknown service, or a method its service lacks). */
export function undescribedPaths(descriptors: FileRegistry, paths: readonly string[]): string[] {
  return paths.filter((path) => {
    const method = path.slice(path.lastIndexOf('/') + 1);
    return descriptors.getService(serviceOf(path))?.methods.some((m) => m.name === method) !== true;
  });
}

/** A request's oneof `message_request`; `none` when the client set nothing. */
type Question =
  | { kind: 'file_by_filename' | 'file_containing_symbol' | 'all_extension_numbers_of_type' | 'list_services'; name: string }
  | { kind: 'file_containing_extension'; containingType: string; number: number }
  | { kind: 'none' };

interface Request {
  host: string;
  question: Question;
}

class BadRequest extends Error {}

function readRequest(bytes: Uint8Array): Request {
  const request: Request = { host: '', question: { kind: 'none' } };
  const strings = { 3: 'file_by_filename', 4: 'file_containing_symbol', 6: 'all_extension_numbers_of_type', 7: 'list_services' } as const;
  try {
    const reader = new BinaryReader(bytes);
    while (reader.pos < reader.len) {
      const [no, wireType] = reader.tag();
      if (wireType !== WireType.LengthDelimited) reader.skip(wireType);
      else if (no === 1) request.host = reader.string();
      else if (no === 5) request.question = readExtensionRequest(reader.bytes());
      else if (no in strings) request.question = { kind: strings[no as keyof typeof strings], name: reader.string() };
      else reader.skip(wireType);
    }
  } catch (err) {
    throw new BadRequest(`malformed ServerReflectionRequest: ${(err as Error).message}`);
  }
  return request;
}

function readExtensionRequest(bytes: Uint8Array): Question {
  const question = { kind: 'file_containing_extension' as const, containingType: '', number: 0 };
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [no, wireType] = reader.tag();
    if (no === 1 && wireType === WireType.LengthDelimited) question.containingType = reader.string();
    else if (no === 2 && wireType === WireType.Varint) question.number = reader.int32();
    else reader.skip(wireType);
  }
  return question;
}

/** ServerReflectionResponse: `valid_host`, the request echoed in `original_request`, then one field of the oneof. */
function response(host: string, original: Uint8Array, body: (writer: BinaryWriter) => void): Uint8Array {
  const writer = new BinaryWriter();
  if (host !== '') writer.tag(1, WireType.LengthDelimited).string(host);
  writer.tag(2, WireType.LengthDelimited).bytes(original);
  body(writer);
  return writer.finish();
}

function errorBody(code: GrpcStatus, message: string): (writer: BinaryWriter) => void {
  return (writer) => writer.tag(7, WireType.LengthDelimited).fork().tag(1, WireType.Varint).int32(code).tag(2, WireType.LengthDelimited).string(message).join();
}

export class ServerReflection {
  readonly #files = new Map<string, DescFile>();
  /** Every fully-qualified name a client may ask for (types, fields, enum values, services, methods, extensions) → its file. */
  readonly #symbols = new Map<string, DescFile>();
  /** Extendee type name → extension number → the extension's file. */
  readonly #extensions = new Map<string, Map<number, DescFile>>();
  /** Message type names: all_extension_numbers_of_type answers only for these. */
  readonly #messages = new Set<string>();
  readonly #encoded = new Map<DescFile, Uint8Array>();
  readonly #services: readonly string[];

  /** `services`: the full names of the services the server answers, listed as they are (described or not). */
  constructor(descriptors: FileRegistry, services: Iterable<string>) {
    this.#services = [...new Set(services)].sort();
    for (const file of descriptors.files) {
      this.#files.set(file.proto.name, file);
      this.#index(file);
    }
  }

  /** One answer per request, as the stream sends it; `sent` holds the files already sent on this stream. */
  answer(request: Uint8Array, sent: Set<string>): Uint8Array {
    const { host, question } = readRequest(request);
    const reply = (body: (writer: BinaryWriter) => void) => response(host, request, body);
    const notFound = (what: string) => reply(errorBody(GrpcStatus.NOT_FOUND, `${what} not found`));
    const files = (file: DescFile | undefined, what: string) => (file === undefined ? notFound(what) : reply(this.#fileBody(file, sent)));
    switch (question.kind) {
      case 'list_services':
        return reply((writer) => {
          writer.tag(6, WireType.LengthDelimited).fork();
          for (const name of this.#services) writer.tag(1, WireType.LengthDelimited).fork().tag(1, WireType.LengthDelimited).string(name).join();
          writer.join();
        });
      case 'file_by_filename':
        return files(this.#files.get(question.name), `file ${question.name}`);
      case 'file_containing_symbol':
        return files(this.#symbols.get(question.name), `symbol ${question.name}`);
      case 'file_containing_extension':
        return files(this.#extensions.get(question.containingType)?.get(question.number), `extension ${question.number} of ${question.containingType}`);
      case 'all_extension_numbers_of_type': {
        if (!this.#messages.has(question.name)) return notFound(`message type ${question.name}`);
        const numbers = [...(this.#extensions.get(question.name)?.keys() ?? [])].sort((a, b) => a - b);
        return reply((writer) => {
          writer.tag(5, WireType.LengthDelimited).fork().tag(1, WireType.LengthDelimited).string(question.name);
          writer.tag(2, WireType.LengthDelimited).fork();
          for (const number of numbers) writer.int32(number);
          writer.join().join();
        });
      }
      case 'none':
        throw new BadRequest('ServerReflectionRequest sets no message_request');
    }
  }

  /** The file first (always), then its imports breadth-first, each once per stream: grpc-go's order. */
  #fileBody(file: DescFile, sent: Set<string>): (writer: BinaryWriter) => void {
    const out: Uint8Array[] = [];
    const queue = [file];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (out.length === 0 || !sent.has(next.proto.name)) {
        sent.add(next.proto.name);
        out.push(this.#encode(next));
      }
      queue.push(...next.dependencies.filter((dep) => !sent.has(dep.proto.name)));
    }
    return (writer) => {
      writer.tag(4, WireType.LengthDelimited).fork();
      for (const bytes of out) writer.tag(1, WireType.LengthDelimited).bytes(bytes);
      writer.join();
    };
  }

  #encode(file: DescFile): Uint8Array {
    let bytes = this.#encoded.get(file);
    if (bytes === undefined) this.#encoded.set(file, (bytes = toBinary(FileDescriptorProtoSchema, file.proto)));
    return bytes;
  }

  #index(file: DescFile): void {
    const add = (name: string) => {
      if (!this.#symbols.has(name)) this.#symbols.set(name, file);
    };
    const addEnum = (desc: DescEnum) => {
      add(desc.typeName);
      // Enum values are scoped beside their enum, not inside it (C++ scoping rules).
      const scope = desc.typeName.slice(0, desc.typeName.length - desc.name.length);
      for (const value of desc.values) add(`${scope}${value.name}`);
    };
    const addMessage = (desc: DescMessage) => {
      add(desc.typeName);
      this.#messages.add(desc.typeName);
      for (const field of desc.fields) add(`${desc.typeName}.${field.name}`);
      for (const oneof of desc.oneofs) add(`${desc.typeName}.${oneof.name}`);
      desc.nestedEnums.forEach(addEnum);
      desc.nestedMessages.forEach(addMessage);
      desc.nestedExtensions.forEach(addExtension);
    };
    const addExtension = (desc: DescMessage['nestedExtensions'][number]) => {
      add(desc.typeName);
      let numbers = this.#extensions.get(desc.extendee.typeName);
      if (numbers === undefined) this.#extensions.set(desc.extendee.typeName, (numbers = new Map()));
      numbers.set(desc.number, file);
    };
    file.enums.forEach(addEnum);
    file.messages.forEach(addMessage);
    file.extensions.forEach(addExtension);
    for (const service of file.services) {
      add(service.typeName);
      for (const method of service.methods) add(`${service.typeName}.${method.name}`);
    }
  }
}

const toBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const fromBuffer = (buffer: Buffer): Uint8Array => buffer;

/** Serves both reflection services (REFLECTION_PATHS) on `server`. */
export function registerReflection(server: Server, reflection: ServerReflection): void {
  const serve = (call: ServerDuplexStream<Uint8Array, Uint8Array>): void => {
    const sent = new Set<string>();
    let failed = false;
    call.on('data', (request: Uint8Array) => {
      if (failed) return;
      try {
        call.write(reflection.answer(request, sent));
      } catch (err) {
        // grpc-go ends the stream the same way on a request it cannot read.
        failed = true;
        const code = err instanceof BadRequest ? GrpcStatus.INVALID_ARGUMENT : GrpcStatus.INTERNAL;
        call.emit('error', { code, details: (err as Error).message });
      }
    });
    call.on('end', () => {
      if (!failed) call.end();
    });
  };
  for (const path of REFLECTION_PATHS) server.register(path, serve, toBuffer, fromBuffer, 'bidi');
}
