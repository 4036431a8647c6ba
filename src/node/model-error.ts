/** The bundled model cannot be found or read: an installation problem, not a bug, so callers show no stack. */
export class BundledModelError extends Error {
  override readonly name = 'BundledModelError';
}
