export function replyAddressFor(reference: string): string {
  void reference;
  throw new Error("not implemented");
}

export function referenceFromReplyAddress(address: string): string | null {
  void address;
  throw new Error("not implemented");
}
