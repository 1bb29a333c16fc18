package dev.bulletin;

import dev.bulletin.store.StoredNews;

/** The result of a publish: the stored item, and whether this call created it or found it by its id. */
public record Publication(StoredNews news, boolean created) {
}
