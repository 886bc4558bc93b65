// What may keep a selector in the reader's stylesheet: every word in a template,
// in Python that writes classes or HTML (forms, the Markdown tag list), in the
// site's scripts and in crispy-bootstrap5's templates, which render the forms.
module.exports = {
  content: [
    "templates/**/*.html",
    "correction_desk/templates/**/*.html",
    "articles/**/*.py",
    "correction_desk/**/*.py",
    "newsroom/**/*.py",
    "search/**/*.py",
    "static/js/**/*.js",
    "correction_desk/static/correction_desk/js/**/*.js",
    ".venv/lib/python*/site-packages/crispy_bootstrap5/templates/**/*.html",
    ".venv/lib/python*/site-packages/crispy_forms/templates/**/*.html",
  ],
  css: ["node_modules/.cache/newsroom-untrimmed.css"],
  output: "static/build/newsroom.css",
  // Custom properties nothing reads are dropped too (Bootstrap declares ~150).
  variables: true,
  safelist: {
    // Class names put together in templates: conversation-reader, -desk.
    greedy: [/^conversation-/],
  },
};
