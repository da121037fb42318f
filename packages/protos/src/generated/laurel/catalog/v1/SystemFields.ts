// Original file: /work/main/protos/laurel/catalog/v1/catalog.proto


/**
 * Writable fields of a system. On update, an absent field is left unchanged.
 */
export interface SystemFields {
  'slug'?: (string);
  'name'?: (string);
  'url'?: (string);
  'description'?: (string);
  'email'?: (string);
  'imageUrl'?: (string);
  '_slug'?: "slug";
  '_name'?: "name";
  '_url'?: "url";
  '_description'?: "description";
  '_email'?: "email";
  '_imageUrl'?: "imageUrl";
}

/**
 * Writable fields of a system. On update, an absent field is left unchanged.
 */
export interface SystemFields__Output {
  'slug'?: (string);
  'name'?: (string);
  'url'?: (string);
  'description'?: (string);
  'email'?: (string);
  'imageUrl'?: (string);
  '_slug'?: "slug";
  '_name'?: "name";
  '_url'?: "url";
  '_description'?: "description";
  '_email'?: "email";
  '_imageUrl'?: "imageUrl";
}
