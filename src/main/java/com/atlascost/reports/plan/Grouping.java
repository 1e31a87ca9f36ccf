package com.atlascost.reports.plan;

import java.util.Arrays;
import java.util.Optional;

/** The Cost Explorer {@code groupBy} dimensions, in the API's spelling. */
public enum Grouping {

	ORGANIZATIONS("organizations"), PROJECTS("projects"), CLUSTERS("clusters"), SERVICES("services");

	private final String apiName;

	Grouping(String apiName) {
		this.apiName = apiName;
	}

	public String apiName() {
		return this.apiName;
	}

	static Optional<Grouping> fromApiName(String name) {
		return Arrays.stream(values()).filter((g) -> g.apiName.equals(name)).findFirst();
	}

}
