package com.atlascost.reports.atlas;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.atlas.AtlasResponses.Page;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a paginated list page after page. A short page (fewer items than asked for) or an
 * empty one ends the list whatever its {@code totalCount} says; a list of full pages ends
 * at its {@code totalCount}, bounded by the first page's, and within
 * {@code atlas.listing-deadline}.
 */
final class AtlasPaging {

	private final int pageSize;

	private final Duration deadline;

	private final JsonMapper mapper;

	AtlasPaging(int pageSize, Duration deadline, JsonMapper mapper) {
		this.pageSize = pageSize;
		this.deadline = deadline;
		this.mapper = mapper;
	}

	/**
	 * Every item of the list; {@code pages} asks for one page by its number,
	 * {@code listed} names what is listed in a failure ("project 5f0c..").
	 */
	Flux<JsonNode> listAll(IntFunction<Mono<AtlasReply>> pages, String orgId, AtlasApiCall call, String listed) {
		// the whole listing, retries included, has its own deadline: each page's is not
		// enough when a server hands out pages for ever
		Mono<JsonNode> expired = Mono.delay(this.deadline)
			.then(Mono.error(() -> new AtlasApiException(200, AtlasApiException.UNEXPECTED_ANSWER,
					"the listing of " + listed + " did not end within atlas.listing-deadline (" + this.deadline + ")",
					orgId, call, null)));
		return pages(pages, orgId, call).takeUntilOther(expired);
	}

	private Flux<JsonNode> pages(IntFunction<Mono<AtlasReply>> pages, String orgId, AtlasApiCall call) {
		return page(pages, 1).flatMapMany((first) -> {
			// the first page's count bounds the pages: a list that keeps growing (one
			// more item on every page) cannot keep the client paging for ever
			int maxPages = maxPages(first.content().totalCount(), this.pageSize);
			return Mono.just(first).expand((page) -> {
				if (!page.hasNext(this.pageSize)) {
					return Mono.empty();
				}
				if (page.number() >= maxPages) {
					return Mono.error(new AtlasApiException(200, AtlasApiException.UNEXPECTED_ANSWER,
							"totalCount: the list did not end within " + maxPages + " pages of " + this.pageSize
									+ " (totalCount " + first.content().totalCount() + " on the first page, "
									+ page.content().totalCount() + " on page " + page.number() + ")",
							orgId, call, null));
				}
				return page(pages, page.number() + 1);
			});
		}).concatMapIterable((page) -> page.content().resultsOrEmpty());
	}

	/** The items of one page. */
	List<JsonNode> results(AtlasReply reply) {
		return pageOf(reply).resultsOrEmpty();
	}

	/** {@code totalCount / itemsPerPage + 1}: every page a list of that count has. */
	private static int maxPages(@Nullable Integer totalCount, int pageSize) {
		return (totalCount == null || totalCount < 0) ? 1 : totalCount / pageSize + 1;
	}

	private Mono<NumberedPage> page(IntFunction<Mono<AtlasReply>> pages, int pageNum) {
		return pages.apply(pageNum).map((ok) -> new NumberedPage(pageNum, pageOf(ok)));
	}

	private Page pageOf(AtlasReply reply) {
		return Objects.requireNonNullElse(this.mapper.treeToValue(reply.content(), Page.class), new Page(List.of(), 0));
	}

	private record NumberedPage(int number, Page content) {

		/**
		 * Only after a full page: a short or empty one is the last, whatever
		 * {@code totalCount} says.
		 */
		boolean hasNext(int pageSize) {
			int size = this.content.resultsOrEmpty().size();
			long read = (long) (this.number - 1) * pageSize + size;
			return size >= pageSize && this.content.totalCount() != null && read < this.content.totalCount();
		}

	}

}
