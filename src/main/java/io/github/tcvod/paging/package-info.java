/** Lazy paginators over actions that page with offset, limit and a total count. */
package io.github.tcvod.paging;
