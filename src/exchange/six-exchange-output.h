/* six-exchange-output.h — printed bytes hashed and written on a thread of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _SixExchangeOutput SixExchangeOutput;

SixExchangeOutput *_six_exchange_output_new    (GOutputStream      *stream,
                                                GCancellable       *cancellable);
GString           *_six_exchange_output_buffer (SixExchangeOutput  *output);
gboolean           _six_exchange_output_flush  (SixExchangeOutput  *output);
guint64            _six_exchange_output_get_size (SixExchangeOutput *output);
char              *_six_exchange_output_finish (SixExchangeOutput  *output,
                                                GError            **error);
void               _six_exchange_output_free   (SixExchangeOutput  *output);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixExchangeOutput, _six_exchange_output_free)

G_END_DECLS
