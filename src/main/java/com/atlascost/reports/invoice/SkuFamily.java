package com.atlascost.reports.invoice;

import java.util.List;
import java.util.Locale;

/**
 * What an Atlas SKU is billed for: the Cost Explorer service it belongs to and its FOCUS
 * 1.2 {@code ServiceCategory}. Atlas's SKU list is long and grows
 * ({@code ATLAS_AWS_INSTANCE_M30}, {@code ATLAS_GCP_DATA_TRANSFER_INTERNET}, ...); the
 * families are told apart by the words in the name, checked in this order (a backup
 * snapshot's storage is backup, not storage). A SKU no family knows is {@link #OTHER}.
 */
public enum SkuFamily {

	CREDIT("Credits", "Other", "Credit applied to the invoice", List.of("CREDIT")),
	SUPPORT("Support", "Other", "Atlas support subscription", List.of("SUPPORT")),
	BACKUP("Backup", "Storage", "Cloud backup and snapshot storage",
			List.of("BACKUP", "SNAPSHOT", "PIT_RESTORE", "OBJECT_STORAGE")),
	DATA_TRANSFER("Data Transfer", "Networking", "Data transfer", List.of("DATA_TRANSFER", "PRIVATE_ENDPOINT")),
	SERVERLESS("Serverless Instances", "Databases", "Serverless instance usage", List.of("SERVERLESS")),
	FLEX("Clusters", "Databases", "Flex cluster usage", List.of("FLEX")),
	CLUSTERS("Clusters", "Databases", "Dedicated cluster instance hours", List.of("INSTANCE", "NDS_")),
	STORAGE("Storage", "Storage", "Cluster storage", List.of("STORAGE", "DISK", "IOPS")),
	BI_CONNECTOR("BI Connector", "Analytics", "BI Connector", List.of("BI_CONNECTOR")),
	DATA_FEDERATION("Atlas Data Federation", "Analytics", "Data Federation queries",
			List.of("DATA_LAKE", "DATA_FEDERATION", "ONLINE_ARCHIVE")),
	STREAM_PROCESSING("Atlas Stream Processing", "Analytics", "Stream processing", List.of("STREAM_PROCESSING")),
	CHARTS("Charts", "Analytics", "Atlas Charts", List.of("CHARTS")),
	APP_SERVICES("App Services", "Developer Tools", "App Services requests and compute",
			List.of("REALM", "STITCH", "APP_SERVICES")),
	PREMIUM("Premium Features", "Security", "Premium security features",
			List.of("ADVANCED_SECURITY", "ENTERPRISE_AUTH", "AUDITING", "ENCRYPTION")),
	CLOUD_MANAGER("Cloud Manager", "Management and Governance", "Cloud Manager", List.of("MMS", "CLOUD_MANAGER")),
	OTHER("Atlas", "Other", "Atlas charge", List.of());

	private final String serviceName;

	private final String serviceCategory;

	private final String description;

	private final List<String> words;

	SkuFamily(String serviceName, String serviceCategory, String description, List<String> words) {
		this.serviceName = serviceName;
		this.serviceCategory = serviceCategory;
		this.description = description;
		this.words = words;
	}

	public static SkuFamily of(String sku) {
		String upper = sku.toUpperCase(Locale.ROOT);
		for (SkuFamily family : values()) {
			if (family.words.stream().anyMatch(upper::contains)) {
				return family;
			}
		}
		return OTHER;
	}

	/** The service as Cost Explorer names it ({@code Clusters}, {@code Backup}, ...). */
	public String serviceName() {
		return this.serviceName;
	}

	/** One of FOCUS 1.2's {@code ServiceCategory} values. */
	public String serviceCategory() {
		return this.serviceCategory;
	}

	/** A description of the charge, for FOCUS {@code ChargeDescription}. */
	public String description() {
		return this.description;
	}

}
