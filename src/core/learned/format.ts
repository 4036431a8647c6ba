/** The name and version a model file declares (see model.ts for the schema, packed.ts for the binary). */
export const MODEL_FORMAT = 'whosaid/attribution-model';
export const MODEL_VERSION = 1;
