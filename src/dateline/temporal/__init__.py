"""Temporal: find date phrases in English news text and normalize them.

``tagger.find_dates`` finds the phrases, ``normalize.normalize`` reads one against a base
date with the rule table of ``rules`` (vocabulary and calendar arithmetic in
``vocabulary``), and ``relative.chain`` dates "two days later" from the date just
mentioned. dateparser stays a lazily imported fallback, so the build can use the
normalizer without paying for it.
"""
