// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto


export interface ReevaluateBadgeResponse {
}

export interface ReevaluateBadgeResponse__Output {
}
