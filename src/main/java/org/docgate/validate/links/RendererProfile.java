package org.docgate.validate.links;

import java.util.List;
import org.docgate.finding.Severity;

/**
 * Where the corpus is read, as far as links care: one file of {@code rules/renderers/}. Each setting follows what
 * that renderer does; the file says why, with a source.
 *
 * @param name the file name without {@code .yaml}, e.g. {@code hugo}
 * @param fragmentsIgnoreCase true when {@code #DiAgNoStIc} still lands on {@code #diagnostic} (GitHub's page script)
 * @param folderIndex the files, in order of preference, a link to a folder shows (their anchors are the folder's);
 *     empty: a folder shows no document, so a fragment on a folder link cannot be verified
 * @param folderIndexIgnoreCase true when those names match in any letter case ({@code README.MD} on GitHub)
 * @param clampAboveRoot true when a root-relative link that climbs above the root ({@code /../x.md}) stays at the
 *     root, as URL resolution does; false: it is reported as leaving the corpus
 * @param footnotes whether {@code [^1]} footnotes render (for the footnote rules)
 * @param headingAttributes whether a trailing {@code {#id}} on a heading sets its id (and is not shown)
 * @param htmlHeadings whether raw HTML {@code <h1>}-{@code <h6>} elements get ids slugged from their text, counted
 *     with the Markdown headings for duplicates (GitHub's TableOfContentsFilter runs over the rendered HTML)
 * @param slugs how heading text becomes an id
 * @param idPrefix what the renderer puts before every id it renders from the source ({@code user-content-} on
 *     GitHub), so that a link may name an anchor with it ({@code #user-content-__input_settings}); "" for none
 * @param detect files or folders at the corpus root that show the corpus is built with this renderer
 */
public record RendererProfile(
    String name,
    String description,
    boolean fragmentsIgnoreCase,
    List<String> folderIndex,
    boolean folderIndexIgnoreCase,
    boolean clampAboveRoot,
    boolean footnotes,
    boolean headingAttributes,
    boolean htmlHeadings,
    SlugStyle slugs,
    String idPrefix,
    Detection detect) {

  public RendererProfile {
    folderIndex = List.copyOf(folderIndex);
  }

  /** This profile with other heading ids (a site's own setting, {@link RendererChoice}). */
  RendererProfile withSlugs(SlugStyle other) {
    return new RendererProfile(name, description, fragmentsIgnoreCase, folderIndex, folderIndexIgnoreCase,
        clampAboveRoot, footnotes, headingAttributes, htmlHeadings, other, idPrefix, detect);
  }

  /**
   * What marks a corpus as built with this renderer.
   *
   * @param files any of these at the corpus root
   * @param directories any of these folders at the corpus root
   * @param configFiles any of these at the root whose text has a line starting with one of {@code configKeys}
   */
  public record Detection(List<String> files, List<String> directories, List<String> configFiles,
      List<String> configKeys) {
    public static final Detection NONE = new Detection(List.of(), List.of(), List.of(), List.of());

    public Detection {
      files = List.copyOf(files);
      directories = List.copyOf(directories);
      configFiles = List.copyOf(configFiles);
      configKeys = List.copyOf(configKeys);
    }
  }

  /**
   * {@code links/anchor-case}: where fragments ignore case the link works here and only breaks elsewhere (info);
   * where they do not, it is as broken as a missing anchor.
   */
  public Severity anchorCaseSeverity() {
    return fragmentsIgnoreCase ? Severity.INFO : Severity.ERROR;
  }
}
