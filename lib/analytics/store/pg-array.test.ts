import { describe, expect, it } from "vitest";
import { numberArray, textArray } from "./pg-array";

// Postgres parses these literals; what it makes of them is checked end to end by the
// ingestion integration tests. Here: the quoting rules themselves.
describe("textArray", () => {
  it("quotes every value, so the text NULL stays text and only null becomes NULL", () => {
    expect(textArray(["a", null, "NULL", ""])).toBe('{"a",NULL,"NULL",""}');
  });

  it("escapes double quotes and backslashes, and keeps braces, commas and Unicode as they are", () => {
    expect(textArray(['say "hi"', "C:\\dir", "{a,b}", "😀"])).toBe('{"say \\"hi\\"","C:\\\\dir","{a,b}","😀"}');
  });

  it("writes an empty array", () => {
    expect(textArray([])).toBe("{}");
  });
});

describe("numberArray", () => {
  it("writes integers and integer strings unquoted", () => {
    expect(numberArray([1, "9223372036854775807", 1767225600123])).toBe("{1,9223372036854775807,1767225600123}");
  });
});
