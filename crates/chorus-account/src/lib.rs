//! Per event: facts, corroboration, differences, quotes and the cited account.
