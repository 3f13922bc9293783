"""The site stage: what pages and files a timeline becomes (pure functions of Content)."""
