// Text placed into hand-written HTML (e-mails, the report link pages, the tracking snippet,
// small error pages): the five characters that could end an element or an attribute.

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
