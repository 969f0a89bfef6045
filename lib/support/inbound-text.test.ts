import { describe, expect, it } from "vitest";
import { htmlToText, replyText, stripQuotedHistory } from "./inbound-text";

describe("stripQuotedHistory", () => {
  it("cuts at Gmail's attribution line, also when it is wrapped over two lines", () => {
    expect(stripQuotedHistory("Thanks, that fixed it.\n\nOn Mon, 1 Dec 2026 at 10:00, MiniStat <support+ms-x@reply.ministat.eu> wrote:\n> Try this.\n> Bye")).toBe("Thanks, that fixed it.");
    expect(stripQuotedHistory("Works now.\r\n\r\nOn Mon, 1 Dec 2026 at 10:00, MiniStat support <support+ms-abc.123@reply.ministat.eu>\r\nwrote:\r\n\r\n> old")).toBe("Works now.");
  });

  it("knows a few other languages and Outlook's separators", () => {
    expect(stripQuotedHistory("Danke!\n\nAm 01.12.2026 um 10:00 schrieb MiniStat:\n> Hallo")).toBe("Danke!");
    expect(stripQuotedHistory("Merci\n\nLe lun. 1 déc. 2026, MiniStat a écrit :\n> Bonjour")).toBe("Merci");
    expect(stripQuotedHistory("See below.\n\n-----Original Message-----\nFrom: MiniStat\nOld text")).toBe("See below.");
    expect(stripQuotedHistory("Fine.\n\nFrom: MiniStat <hello@ministat.eu>\nSent: Monday\nSubject: Re: x")).toBe("Fine.");
  });

  it("drops quoted lines inside the reply and keeps the rest", () => {
    expect(stripQuotedHistory("> Which browser?\nFirefox 140.\n> And the OS?\nLinux.")).toBe("Firefox 140.\nLinux.");
  });

  it("keeps a text without any quote as it is", () => {
    expect(stripQuotedHistory("  Line one\n\nOn second thought, all good.  ")).toBe("Line one\n\nOn second thought, all good.");
  });
});

describe("htmlToText / replyText", () => {
  it("turns the HTML part into text without the quoted blockquote", () => {
    const html = '<div dir="ltr">Hi,<div><br></div><div>it&#39;s fixed &amp; working.</div></div><blockquote class="gmail_quote">Old <b>text</b></blockquote>';
    expect(htmlToText(html).trim()).toBe("Hi,\n\nit's fixed & working.");
    expect(replyText({ html })).toBe("Hi,\n\nit's fixed & working.");
  });

  it("prefers the text part, and falls back to the whole text when everything was quoted", () => {
    expect(replyText({ text: "Plain", html: "<p>Html</p>" })).toBe("Plain");
    expect(replyText({ text: "> only a quote" })).toBe("> only a quote");
    expect(replyText({})).toBe("");
  });
});
