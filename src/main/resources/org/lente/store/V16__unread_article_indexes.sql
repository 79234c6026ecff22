-- The bands' and the anchor postings' indexes by article (lsh_bands_article, V3; anchor_postings_article, V9) go:
-- no statement reads either table by article (lineage looks bands up by band key, through the primary key, and
-- postings by term, through the primary key or anchor_postings_language), and each was one more index entry written
-- for every band and posting stored (32 and about 18 an article). docs/cluster-writer.md, session 26.
DROP INDEX lsh_bands_article;
DROP INDEX anchor_postings_article;
