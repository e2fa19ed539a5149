// Writes the part of a style sheet that the portal's pages can use: the selectors whose class names appear in the
// views, the C# that writes markup, the site's scripts and Bootstrap's own script (which toggles classes such as
// "show" and "collapsing"). Usage: node scripts/used-css.mjs <input.css> <output.css> <content glob>...
import { writeFile } from 'node:fs/promises';
import { PurgeCSS } from 'purgecss';

const [input, output, ...content] = process.argv.slice(2);
if (!input || !output || content.length === 0) {
  console.error('usage: node scripts/used-css.mjs <input.css> <output.css> <content glob>...');
  process.exit(2);
}

const [result] = await new PurgeCSS().purge({ css: [input], content });
// The source map describes the whole file, not this part of it.
await writeFile(output, result.css.replace(/\/\*# sourceMappingURL=.*?\*\/\s*$/s, ''));
