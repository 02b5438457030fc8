/** A file that is a flow, not data: opened rather than imported. */
export function isFlowFileName(name: string): boolean {
  return /\.flow\.json$/i.test(name);
}
