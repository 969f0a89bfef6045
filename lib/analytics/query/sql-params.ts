// Collects the values of a parameterised statement and hands back their placeholders, so
// SQL fragments built in different files can share one numbering.

export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder, with a cast when one is given ("$3::date"). */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }

  /** Like add, but the value is only added when the returned function is first called. */
  lazy(value: unknown, cast?: string): () => string {
    let placeholder: string | undefined;
    return () => (placeholder ??= this.add(value, cast));
  }
}
