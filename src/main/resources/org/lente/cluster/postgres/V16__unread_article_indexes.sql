-- The embedded schema's version 16 (store/V16__unread_article_indexes.sql): the bands' and the anchor postings'
-- indexes by article go; no statement reads either table by article, and each was one more index entry written for
-- every band and posting the knowledge writer stores (32 and about 18 an article). docs/cluster-writer.md, session 26.
DROP INDEX lsh_bands_article;
DROP INDEX anchor_postings_article;
