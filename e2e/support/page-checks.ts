import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// Two checks every page must pass: nothing wider than the screen, and no WCAG 2 A/AA
// violation that axe-core can find. Failures name the elements, so the fix is obvious; they
// are soft, so that one run reports every page that fails rather than the first.

/** document.documentElement.scrollWidth fits the viewport; otherwise lists what sticks out. */
export async function expectNoHorizontalOverflow(page: Page, name: string): Promise<void> {
  const found = await page.evaluate(() => {
    const width = window.innerWidth;
    const describe = (element: Element) => {
      const classes = typeof element.className === "string" ? element.className.trim().split(/\s+/).slice(0, 6).join(".") : "";
      const text = (element.textContent ?? "").trim().slice(0, 60);
      return `<${element.tagName.toLowerCase()}${classes ? ` .${classes}` : ""}> right=${Math.round(element.getBoundingClientRect().right)} "${text}"`;
    };
    const sticksOut = (element: Element) => element.getBoundingClientRect().right > width + 0.5;
    // A scrolling or clipping box that fits the screen hides what sticks out of it — unless
    // the element is positioned against something outside that box (an sr-only label, say).
    const clipped = (element: Element) => {
      let escapes = ["absolute", "fixed"].includes(getComputedStyle(element).position);
      for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
        const style = getComputedStyle(box);
        const positioned = style.position !== "static";
        if (style.overflowX !== "visible" && (!escapes || positioned) && !sticksOut(box)) return true;
        if (escapes && positioned) escapes = ["absolute", "fixed"].includes(style.position);
      }
      return false;
    };
    // The innermost elements that stick out: their parents stick out because of them.
    const culprits = [...document.body.querySelectorAll("*")].filter((element) => sticksOut(element) && !clipped(element) && ![...element.children].some(sticksOut));
    return { width, scrollWidth: document.documentElement.scrollWidth, culprits: culprits.slice(0, 8).map(describe) };
  });
  expect.soft(found.scrollWidth, `${name}: the page is ${found.scrollWidth - found.width} px wider than the ${found.width} px screen:\n${found.culprits.join("\n")}`).toBeLessThanOrEqual(found.width);
}

export async function expectNoAxeViolations(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const found = results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")} — ${node.failureSummary?.replace(/\s+/g, " ") ?? violation.help}`),
  );
  expect.soft(found, `${name}: axe finds ${found.length} WCAG 2 A/AA violation(s)`).toEqual([]);
}
