package org.lindi.spark;

/**
 * Spark 4 reads catalog tables ({@code CREATE TABLE ... USING lindi}) through the data source's
 * TableProvider, so there is nothing to add. The Spark 3.5 build adds a V1 read path here.
 */
abstract class CatalogTableSource {
}
