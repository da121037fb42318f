// Original file: /work/main/protos/laurel/common/v1/common.proto


/**
 * Which slice of a list to return. Paging applies only when both page and
 * count are positive (BadgeKit's rule); otherwise the whole list comes back.
 */
export interface PageRequest {
  'page'?: (number);
  'count'?: (number);
}

/**
 * Which slice of a list to return. Paging applies only when both page and
 * count are positive (BadgeKit's rule); otherwise the whole list comes back.
 */
export interface PageRequest__Output {
  'page': (number);
  'count': (number);
}
