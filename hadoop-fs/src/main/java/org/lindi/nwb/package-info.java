/**
 * NWB conventions on top of the LINDI hierarchy (SPEC sections 5 and 6): the time axis of a
 * TimeSeries ({@link org.lindi.nwb.TimeAxis}: {@code timestamps}, or {@code starting_time} +
 * {@code rate}) with exact index ranges for time predicates, and DynamicTables
 * ({@link org.lindi.nwb.DynamicTable}: {@code id} + {@code colnames}, ragged VectorIndex columns,
 * DynamicTableRegions, object references as target paths).
 *
 * <p>Both are driver-side views of an open {@link org.lindi.LindiFile}. What an executor needs is
 * small and serialisable: {@link org.lindi.nwb.TimeAxisSpec} (computes rate times without I/O;
 * names the timestamps array and its chunk length otherwise), {@link org.lindi.nwb.Column} and
 * {@link org.lindi.nwb.IndexRange}.
 */
package org.lindi.nwb;
