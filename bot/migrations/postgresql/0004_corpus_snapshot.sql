-- The corpus snapshot is part of the local cache too (see 0002): nothing shared to create.
SELECT 1;
