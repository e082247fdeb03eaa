using Gongkai.Reports.Tests;
using Microsoft.Playwright;

namespace Gongkai.E2E.Support;

/// <summary>
/// What a look at a rendered page finds wrong: the layout checks run in the page (overflow, table
/// cells, CJK glyphs) and axe-core's WCAG 2.1 A/AA rules. Each returns one readable line a fault,
/// none when the page is right.
/// </summary>
public static class PageInspection
{
    /// <summary>The tags of the rules axe-core runs: WCAG 2.0 and 2.1, levels A and AA (what GB/T 37668 asks too).</summary>
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>axe-core as test.sh installs it from npm into tools/axe (<c>npm ci --prefix tools/axe</c>).</summary>
    private static readonly string AxePath = Path.Combine(TestFiles.Root, "tools", "axe", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Makes axe-core part of every page the context opens; run through the DevTools protocol, the site's CSP does not apply to it.</summary>
    public static Task AddAxeAsync(IBrowserContext context) => File.Exists(AxePath)
        ? context.AddInitScriptAsync(File.ReadAllText(AxePath))
        : throw new FileNotFoundException("axe-core is not installed: run npm ci --prefix tools/axe (test.sh does)", AxePath);

    /// <summary>Every WCAG 2.1 A/AA violation on the page: rule, impact, what it means, and the selectors of the elements.</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            async tags => {
                const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
                return result.violations.map(v => `axe ${v.id} (${v.impact}): ${v.help} — ` +
                    v.nodes.slice(0, 6).map(n => n.target.join(' ') + ((n.any[0] ?? n.all[0] ?? n.none[0])?.message ? ` [${(n.any[0] ?? n.all[0] ?? n.none[0]).message}]` : '')).join('; ') +
                    (v.nodes.length > 6 ? `; … ${v.nodes.length} in all` : ''));
            }
            """, WcagTags);

    /// <summary>
    /// The layout's faults: the document wider than the window (a table may scroll inside its own
    /// wrapper), table cells that overlap, leave their column or are too narrow for two characters,
    /// columns whose every body cell is empty, and characters drawn as the missing-glyph box in the
    /// font they are set in.
    /// </summary>
    public static async Task<IReadOnlyList<string>> LayoutAsync(IPage page) => await page.EvaluateAsync<string[]>(LayoutScript);

    /// <summary>The characters of <paramref name="text"/> that the page's body font cannot draw (the glyph check on its own, to prove it can fail).</summary>
    public static async Task<string[]> MissingGlyphsAsync(IPage page, string text) =>
        await page.EvaluateAsync<string[]>($"text => ({MissingGlyphsFunction})([[getComputedStyle(document.body), text]])", text);

    // Draws each character at 32 px in the font of the element it sits in and compares the pixels with
    // the missing-glyph box chromium draws for an unassigned code point in that same font (U+0378).
    private const string MissingGlyphsFunction = """
        (pairs) => {
            const canvas = document.createElement('canvas');
            canvas.width = 48; canvas.height = 48;
            const context = canvas.getContext('2d', { willReadFrequently: true });
            const draw = (character, font) => {
                context.clearRect(0, 0, 48, 48);
                context.font = font;
                context.textBaseline = 'top';
                context.fillText(character, 4, 4);
                const data = context.getImageData(0, 0, 48, 48).data;
                let ink = 0, hash = 0;
                for (let i = 3; i < data.length; i += 4) { if (data[i]) ink++; hash = (hash * 31 + data[i]) | 0; }
                return ink + ':' + hash;
            };
            const checked = new Set(), missing = new Set(), boxes = new Map();
            for (const [style, text] of pairs) {
                const font = `${style.fontStyle} ${style.fontWeight} 32px ${style.fontFamily}`;
                if (!boxes.has(font)) boxes.set(font, draw('\u0378', font));
                for (const character of text) {
                    if (!/[\u2010-\u205e\u2e80-\u2fff\u3001-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3ffff}]/u.test(character)) continue;
                    const key = font + '|' + character;
                    if (checked.has(key)) continue;
                    checked.add(key);
                    const glyph = draw(character, font);
                    if (glyph === boxes.get(font) || glyph.startsWith('0:')) missing.add(character);
                }
            }
            return [...missing];
        }
        """;

    private static readonly string LayoutScript = """
        () => {
            const problems = [];
            const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                [...e.classList].map(c => '.' + c).join('') +
                (e.textContent.trim() ? ` "${e.textContent.trim().replace(/\s+/g, ' ').slice(0, 30)}"` : '');
            const clipped = e => {
                for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
                    if (getComputedStyle(a).overflowX !== 'visible') return true;
                return false;
            };

            const width = document.documentElement.clientWidth;
            const wide = [...document.body.querySelectorAll('*')].filter(e => {
                const r = e.getBoundingClientRect();
                return r.width > 0 && r.height > 0 && r.right > width + 1 && !clipped(e);
            });
            const outermost = wide.filter(e => !wide.includes(e.parentElement));
            if (document.documentElement.scrollWidth > width + 1 || outermost.length)
                problems.push(`horizontal overflow: the document is ${document.documentElement.scrollWidth} px wide in a ${width} px window; ` +
                    `past the right edge: ${outermost.slice(0, 5).map(e => describe(e) + ' → ' + Math.round(e.getBoundingClientRect().right) + ' px').join(', ')}`);

            const empty = cell => !cell.textContent.trim() &&
                !cell.querySelector('img, svg, canvas, input, select, textarea, button, [aria-label], [title]');
            for (const table of document.querySelectorAll('table')) {
                if (!table.getClientRects().length) continue;
                const name = 'table' + (table.id ? '#' + table.id : '') + [...table.classList].map(c => '.' + c).join('') +
                    (table.caption ? ` "${table.caption.textContent.trim().slice(0, 30)}"` : '');
                const rows = [...table.rows];
                const cells = rows.flatMap(r => [...r.cells]);

                // Cells of a visually hidden header (a table stacked on a phone) are clipped away, not laid over the rows.
                const hidden = c => { for (let a = c; a && a !== table; a = a.parentElement) { const s = getComputedStyle(a); if (s.clipPath !== 'none' || s.clip !== 'auto') return true; } return false; };
                const boxes = cells.filter(c => !hidden(c)).map(c => [c, c.getBoundingClientRect()]).filter(([, r]) => r.width > 0 && r.height > 0);
                const overlaps = [];
                for (let i = 0; i < boxes.length && overlaps.length < 3; i++)
                    for (let j = i + 1; j < boxes.length && overlaps.length < 3; j++) {
                        const [a, ra] = boxes[i], [b, rb] = boxes[j];
                        const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
                        const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
                        if (x > 2 && y > 2) overlaps.push(`${describe(a)} and ${describe(b)}`);
                    }
                if (overlaps.length) problems.push(`${name}: cells overlap: ${overlaps.join('; ')}`);

                // A column too narrow for two characters sets its text one character a line.
                const squeezed = boxes.filter(([c]) => {
                    if ([...c.textContent.trim()].length < 3) return false;
                    const range = document.createRange();
                    range.selectNodeContents(c);
                    const lines = [...range.getClientRects()].filter(r => r.width > 0);
                    const size = parseFloat(getComputedStyle(c).fontSize);
                    return new Set(lines.map(r => Math.round(r.top))).size >= 3 && lines.every(r => r.width < 1.6 * size);
                });
                if (squeezed.length) problems.push(`${name}: ${squeezed.length} cells so narrow their text stands one character a line, e.g. ` +
                    `${describe(squeezed[0][0])} ${Math.round(squeezed[0][1].width)} px wide`);

                // A table laid out as a table keeps every cell a table cell, under its column's heading.
                if (getComputedStyle(table).display === 'table') {
                    const loose = cells.filter(c => getComputedStyle(c).display !== 'table-cell');
                    if (loose.length) problems.push(`${name}: ${loose.length} cells are not laid out as table cells (display: ${getComputedStyle(loose[0]).display}), e.g. ${describe(loose[0])}`);
                    const head = table.tHead?.rows[table.tHead.rows.length - 1];
                    if (head && !table.querySelector('[colspan]:not([colspan="1"]), [rowspan]:not([rowspan="1"])')) {
                        const columns = [...head.cells].map(c => c.getBoundingClientRect());
                        const astray = [...table.tBodies].flatMap(b => [...b.rows]).flatMap(r => [...r.cells].map((c, i) => [c, i]))
                            .filter(([c, i]) => columns[i] && Math.abs(c.getBoundingClientRect().left - columns[i].left) > 1.5);
                        if (astray.length) problems.push(`${name}: ${astray.length} cells are not under their column's heading, e.g. ${describe(astray[0][0])}`);
                    }
                }

                // Columns of the body (spans resolved) whose every cell is empty.
                const grid = [];
                const bodyRows = [...table.tBodies].flatMap(b => [...b.rows]);
                const headRows = table.tHead ? [...table.tHead.rows] : [];
                const place = (row, y, into) => {
                    let x = 0;
                    for (const cell of row.cells) {
                        while (into[y]?.[x]) x++;
                        for (let dy = 0; dy < cell.rowSpan; dy++)
                            for (let dx = 0; dx < cell.colSpan; dx++)
                                (into[y + dy] ??= [])[x + dx] = cell;
                        x += cell.colSpan;
                    }
                };
                bodyRows.forEach((r, y) => place(r, y, grid));
                const heading = [];
                headRows.forEach((r, y) => place(r, y, heading));
                const columnCount = Math.max(0, ...grid.map(r => r?.length ?? 0));
                for (let x = 0; x < columnCount; x++) {
                    const own = [...new Set(grid.map(r => r?.[x]).filter(c => c && c.colSpan === 1))];
                    if (own.length > 0 && own.every(empty)) {
                        const title = heading.length ? heading[heading.length - 1]?.[x]?.textContent.trim() : '';
                        problems.push(`${name}: column ${x + 1}${title ? ` "${title}"` : ''} is empty in all ${own.length} rows`);
                    }
                }
            }

            const pairs = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const parent = node.parentElement;
                if (!node.textContent.trim() || !parent || parent.closest('script, style, noscript') || !parent.getClientRects().length) continue;
                pairs.push([getComputedStyle(parent), node.textContent]);
            }
            const missing = (MISSING_GLYPHS)(pairs);
            if (missing.length) problems.push(`missing CJK glyphs (drawn as the empty box): ${missing.slice(0, 20).join(' ')} (${missing.map(c => 'U+' + c.codePointAt(0).toString(16).toUpperCase()).slice(0, 20).join(' ')})`);
            return problems;
        }
        """.Replace("MISSING_GLYPHS", MissingGlyphsFunction, StringComparison.Ordinal);
}
