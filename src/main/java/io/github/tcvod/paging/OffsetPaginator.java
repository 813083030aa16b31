package io.github.tcvod.paging;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Pages through an action that pages with Offset, Limit and TotalCount, lazily: a page is fetched
 * only when iteration reaches it. Iterate it for pages, or use {@link #items()} / {@link #stream()}
 * for the items of every page. It stops at TotalCount, at a short or empty page, and after at most
 * the number of pages the first TotalCount called for plus one, so a count that changes mid-way
 * cannot make it loop forever. Each iteration starts again from the first page.
 *
 * @param <P> the page (response) type
 * @param <T> the item type
 */
public final class OffsetPaginator<P, T> implements Iterable<P> {
  /**
   * Fetches one page.
   *
   * @param <P> the page type
   */
  @FunctionalInterface
  public interface PageFetcher<P> {
    /**
     * @param offset index of the first item
     * @param limit items per page
     * @return the page
     */
    P fetch(long offset, long limit);
  }

  private final long startOffset;
  private final long pageSize;
  private final PageFetcher<P> fetcher;
  private final Function<P, List<T>> items;
  private final Function<P, Long> totalCount;

  /**
   * @param startOffset offset of the first page
   * @param pageSize items per page; positive
   * @param fetcher fetches a page
   * @param items the items of a page
   * @param totalCount the TotalCount of a page
   */
  public OffsetPaginator(long startOffset, long pageSize, PageFetcher<P> fetcher,
      Function<P, List<T>> items, Function<P, Long> totalCount) {
    if (pageSize <= 0) {
      throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
    }
    this.startOffset = startOffset;
    this.pageSize = pageSize;
    this.fetcher = fetcher;
    this.items = items;
    this.totalCount = totalCount;
  }

  /** @return an iterator over the pages, fetching each when reached */
  @Override
  public Iterator<P> iterator() {
    return new Pages();
  }

  /** @return the items of every page, in order */
  public Iterable<T> items() {
    return () -> stream().iterator();
  }

  /** @return a lazy stream of the items of every page */
  public Stream<T> stream() {
    return pages().flatMap(page -> {
      List<T> list = items.apply(page);
      return list == null ? Stream.<T>empty() : list.stream();
    });
  }

  /** @return a lazy stream of the pages */
  public Stream<P> pages() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private final class Pages implements Iterator<P> {
    private long offset = startOffset;
    private long pagesLeft = -1;
    private boolean done;
    private P next;

    @Override
    public boolean hasNext() {
      if (next != null) {
        return true;
      }
      if (done) {
        return false;
      }
      P page = fetcher.fetch(offset, pageSize);
      // A page without its list (a hand-made or mocked response) is an empty page, as in stream().
      List<T> listed = page == null ? null : items.apply(page);
      List<T> pageItems = listed == null ? Collections.<T>emptyList() : listed;
      Long total = page == null ? null : totalCount.apply(page);
      if (pagesLeft < 0) {
        long firstTotal = total == null || total <= offset ? 0 : total - offset;
        long pages = firstTotal / pageSize + (firstTotal % pageSize == 0 ? 0 : 1);
        // One more than the first TotalCount calls for, where the sum cannot pass the largest long.
        pagesLeft = pages == Long.MAX_VALUE ? pages : pages + 1;
      }
      pagesLeft--;
      offset += pageItems.size();
      done = page == null || pageItems.size() < pageSize || total == null || offset >= total || pagesLeft <= 0;
      next = page;
      return page != null;
    }

    @Override
    public P next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      P page = next;
      next = null;
      return page;
    }
  }
}
