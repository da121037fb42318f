// Original file: /work/main/protos/laurel/catalog/v1/catalog.proto


export interface DeleteSystemRequest {
  'slug'?: (string);
}

export interface DeleteSystemRequest__Output {
  'slug': (string);
}
