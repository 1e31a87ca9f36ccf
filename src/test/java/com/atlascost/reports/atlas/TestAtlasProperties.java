package com.atlascost.reports.atlas;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@link AtlasProperties} bound the way Spring binds them, defaults included. */
public final class TestAtlasProperties {

	private TestAtlasProperties() {
	}

	/**
	 * @param keysAndValues pairs like {@code "envelope", "false"}, relative to
	 * {@code atlas.}
	 */
	public static AtlasProperties of(String... keysAndValues) {
		Map<String, String> map = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put("atlas." + keysAndValues[i], keysAndValues[i + 1]);
		}
		return new Binder(new MapConfigurationPropertySource(map)).bindOrCreate("atlas", AtlasProperties.class);
	}

}
