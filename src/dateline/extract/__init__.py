"""Extract: an article in, dated events out, as event files a person curates."""
