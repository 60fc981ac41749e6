// Render a Software Template's skeleton the way Backstage's `fetch:template` action does (Week 3).
//
// stdin: {"files": {"<path>": "<text>", ...}, "cases": [{<values>}, ...]}
// stdout: {"cases": [{"files": {"<rendered path>": "<rendered text>"}, "error": null | "<message>"}]}
//
// Backstage's scaffolder renders both the path and the text of every skeleton file with nunjucks,
// configured with `${{` and `}}` as the variable tags (so `{{ }}` stays literal text, e.g. for
// GitHub Actions) and without HTML auto-escaping; the step's `values` are in scope as `values`.
// Undefined values render as empty text, as in Backstage.
import nunjucks from 'nunjucks';

const env = new nunjucks.Environment(null, {
  autoescape: false,
  tags: { variableStart: '${{', variableEnd: '}}' },
});

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const payload = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
const out = [];
for (const values of payload.cases || []) {
  const files = {};
  let error = null;
  for (const [path, text] of Object.entries(payload.files || {})) {
    try {
      files[env.renderString(String(path), { values })] = env.renderString(String(text), { values });
    } catch (e) {
      error = `${path}: ${String(e.message ?? e).split('\n').map(s => s.trim()).filter(Boolean).join(' ')}`;
      break;
    }
  }
  out.push({ files: error ? {} : files, error });
}
process.stdout.write(JSON.stringify({ cases: out }));
