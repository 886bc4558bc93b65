# Reader reports and correction notes arrive with issue 3 and 4.
