/* six-bench-data.h — a synthetic database for the benchmarks, and how they report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-db.h"

G_BEGIN_DECLS

#define SIX_BENCH_DEFAULT_RECORDS 100000
#define SIX_BENCH_BATCH_SIZE      1000
#define SIX_BENCH_SEED            20260101
/* The replica the benchmark databases are, so two runs write the same rows. */
#define SIX_BENCH_REPLICA         "bench"

typedef struct _SixBenchData SixBenchData;

/* The generator: N records across every kind, the same ones for the same N. */
SixBenchData *six_bench_data_new           (guint          n_records,
                                            GError       **error);
void          six_bench_data_free          (SixBenchData  *self);
GPtrArray    *six_bench_data_next_batch    (SixBenchData  *self,
                                            guint          max_edits);
gboolean      six_bench_data_fill          (SixDb         *db,
                                            guint          n_records,
                                            GError       **error);
char         *six_bench_data_random_query  (GRand         *rand);
gint64        six_bench_wall_clock         (gpointer       user_data);

/* Measurements and the report lines. */
gint64        six_bench_now_us             (void);
double        six_bench_peak_rss_mb        (void);
double        six_bench_file_size_mb       (const char    *path);
void          six_bench_print_ratio        (const char    *name,
                                            double         value,
                                            const char    *baseline_name,
                                            double         baseline,
                                            const char    *unit,
                                            double         target);
double        six_bench_median_ms          (gint64        *times_us,
                                            guint          n);
void          six_bench_print_median       (const char    *name,
                                            GArray        *times_us,
                                            double         target_ms);
void          six_bench_remove_tree        (const char    *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixBenchData, six_bench_data_free)

G_END_DECLS
