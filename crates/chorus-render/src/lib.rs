//! Renders a report as terminal text, Markdown, HTML or JSON.
