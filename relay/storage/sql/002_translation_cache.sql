-- Provider translations of masked texts, reused for the cache TTL (30 days by default).
-- The key digest covers source and target language, glossary version and the normalized
-- masked text; provider and model complete it. No personal data is stored: texts are masked.
CREATE TABLE translation_cache (
    cache_key TEXT NOT NULL,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    glossary_version TEXT NOT NULL,
    source_text TEXT NOT NULL,
    translation TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (cache_key, provider, model)
);
CREATE INDEX translation_cache_by_age ON translation_cache (created_at);
