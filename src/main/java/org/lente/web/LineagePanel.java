package org.lente.web;

import java.util.ArrayList;
import java.util.List;
import org.lente.story.Evidence;
import org.lente.story.Link;
import org.lente.story.Related;

/**
 * What the article page shows of its lineage: the other versions of the article (translations and
 * near-duplicates) and the other articles of its story, best first, each with its evidence sorted for
 * display: passages side by side, differences marked, the rest as notes.
 *
 * @param storyId the article's story, or null
 */
public record LineagePanel(Long storyId, List<Version> versions, List<Version> sameStory) {

  /** Related articles of the same story shown at most. */
  static final int MAX_SAME_STORY = 10;

  /**
   * A related article with its evidence: {@code passages} (aligned or shared passages, read side by
   * side), {@code changes} (what the copy changed: speaker, number, outlet), {@code notes} (the rest).
   */
  public record Version(Related related, List<Evidence> passages, List<Evidence> changes, List<Evidence> notes) {
    public Version {
      passages = List.copyOf(passages);
      changes = List.copyOf(changes);
      notes = List.copyOf(notes);
    }

    /** The related article's title, else "#id". */
    public String title() {
      String t = related.article() == null ? null : related.article().title();
      return t == null || t.isBlank() ? "#" + related.link().related() : t;
    }

    /** The score as a percentage, for people. */
    public long percent() {
      return Math.round(related.link().score() * 100);
    }
  }

  public LineagePanel {
    versions = List.copyOf(versions);
    sameStory = List.copyOf(sameStory);
  }

  /** Sorts {@code related} (best first, as the story reader gives them) into versions and story peers. */
  static LineagePanel of(Long storyId, List<Related> related) {
    List<Version> versions = new ArrayList<>();
    List<Version> same = new ArrayList<>();
    for (Related r : related) {
      Version v = version(r);
      if (r.link().relation() != Link.Relation.SAME_STORY) {
        versions.add(v);
      } else if (same.size() < MAX_SAME_STORY) {
        same.add(v);
      }
    }
    return new LineagePanel(storyId, versions, same);
  }

  private static Version version(Related r) {
    List<Evidence> passages = new ArrayList<>();
    List<Evidence> changes = new ArrayList<>();
    List<Evidence> notes = new ArrayList<>();
    for (Evidence e : r.link().evidence()) {
      if (e.kind().startsWith("changed-")) {
        changes.add(e);
      } else if ((e.kind().equals("aligned-passage") || e.kind().equals("shared-passage"))
          && e.here() != null && e.there() != null) {
        passages.add(e);
      } else {
        notes.add(e);
      }
    }
    return new Version(r, passages, changes, notes);
  }
}
