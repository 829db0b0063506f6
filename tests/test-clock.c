/* test-clock.c — tests for version vectors and hybrid logical clocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "six-clock.h"

#include <string.h>

#define REPLICA_64 "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"
#define REPLICA_65 REPLICA_64 "x"

/* Fixed so a failing random case can be replayed; printed with g_test_message (). */
#define RANDOM_SEED 0x5EED1763u

/* Ten years, leap days included. */
#define TEN_YEARS_MS (G_GINT64_CONSTANT (3653) * 24 * 60 * 60 * 1000)

typedef struct
{
  gint64 now;
} FakeWall;

static gint64
fake_wall_now (gpointer user_data)
{
  FakeWall *fake = user_data;

  return fake->now;
}

static SixVersionVector *
vector (const char *text)
{
  g_autoptr(GError) error = NULL;
  SixVersionVector *v;

  v = six_version_vector_parse (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (v);

  return v;
}

static void
assert_vector (const SixVersionVector *v,
               const char             *expected)
{
  g_autofree char *text = six_version_vector_to_string (v);

  g_assert_cmpstr (text, ==, expected);
}

static const char *
order_name (SixClockOrder order)
{
  switch (order)
    {
    case SIX_CLOCK_EQUAL:
      return "equal";
    case SIX_CLOCK_BEFORE:
      return "before";
    case SIX_CLOCK_AFTER:
      return "after";
    case SIX_CLOCK_CONCURRENT:
      return "concurrent";
    default:
      return "invalid";
    }
}

static SixClockOrder
mirror_order (SixClockOrder order)
{
  if (order == SIX_CLOCK_BEFORE)
    return SIX_CLOCK_AFTER;
  if (order == SIX_CLOCK_AFTER)
    return SIX_CLOCK_BEFORE;
  return order;
}

static void
assert_order (const SixVersionVector *a,
              const SixVersionVector *b,
              SixClockOrder           expected)
{
  g_assert_cmpstr (order_name (six_version_vector_compare (a, b)), ==, order_name (expected));
  g_assert_cmpstr (order_name (six_version_vector_compare (b, a)), ==,
                   order_name (mirror_order (expected)));
  g_assert_cmpint (six_version_vector_equal (a, b), ==, expected == SIX_CLOCK_EQUAL);
  g_assert_cmpint (six_version_vector_equal (b, a), ==, expected == SIX_CLOCK_EQUAL);
}

/* The order computed straight from the definition, entry by entry. */
static SixClockOrder
reference_order (const SixVersionVector *a,
                 const SixVersionVector *b,
                 const char * const     *replicas)
{
  gboolean a_ahead = FALSE;
  gboolean b_ahead = FALSE;

  for (guint i = 0; replicas[i] != NULL; i++)
    {
      guint64 ca = six_version_vector_get (a, replicas[i]);
      guint64 cb = six_version_vector_get (b, replicas[i]);

      a_ahead |= ca > cb;
      b_ahead |= cb > ca;
    }

  if (a_ahead && b_ahead)
    return SIX_CLOCK_CONCURRENT;
  if (a_ahead)
    return SIX_CLOCK_AFTER;
  if (b_ahead)
    return SIX_CLOCK_BEFORE;
  return SIX_CLOCK_EQUAL;
}

static void
assert_hlc (const SixHlc *stamp,
            gint64        wall,
            guint32       counter,
            const char   *replica)
{
  g_assert_cmpint (stamp->wall, ==, wall);
  g_assert_cmpuint (stamp->counter, ==, counter);
  g_assert_cmpstr (stamp->replica, ==, replica);
  /* Stamps carry interned ids, so callers may compare them by pointer. */
  g_assert_true (stamp->replica == g_intern_string (replica));
}

static int
sign (int value)
{
  return (value > 0) - (value < 0);
}

/* Version vectors */

static void
test_vector_empty (void)
{
  g_autoptr(SixVersionVector) v = six_version_vector_new ();
  g_autoptr(SixVersionVector) parsed = vector ("");

  g_assert_cmpuint (six_version_vector_get_size (v), ==, 0);
  g_assert_cmpuint (six_version_vector_get (v, "a"), ==, 0);
  assert_vector (v, "");
  assert_order (v, parsed, SIX_CLOCK_EQUAL);
}

static void
test_vector_round_trip (void)
{
  static const struct {
    const char *text;
    guint size;
  } cases[] = {
    { "", 0 },
    { "a=1", 1 },
    { "a1b2=3,ref=1", 2 },
    /* strcmp order: uppercase before lowercase. */
    { "A=1,B=2,a=3", 3 },
    { "-=1,0=2,A=3,_=4,a=5", 5 },
    { "a=1,aa=2,ab=3,b=4", 4 },
    { "x=9223372036854775807", 1 },
    { REPLICA_64 "=42", 1 },
    { "a=10,b=100,c=1000", 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SixVersionVector) v = vector (cases[i].text);
      g_autoptr(SixVersionVector) again = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree char *printed = six_version_vector_to_string (v);

      g_assert_cmpstr (printed, ==, cases[i].text);
      g_assert_cmpuint (six_version_vector_get_size (v), ==, cases[i].size);

      /* get_nth walks the entries in the printed order. */
      parts = cases[i].size > 0 ? g_strsplit (cases[i].text, ",", -1) : g_new0 (char *, 1);
      g_assert_cmpuint (g_strv_length (parts), ==, cases[i].size);
      for (guint j = 0; j < cases[i].size; j++)
        {
          guint64 counter = 0;
          const char *replica = six_version_vector_get_nth (v, j, &counter);
          g_autofree char *entry = g_strdup_printf ("%s=%" G_GUINT64_FORMAT, replica, counter);

          g_assert_cmpstr (entry, ==, parts[j]);
          g_assert_true (replica == g_intern_string (replica));
          g_assert_cmpuint (six_version_vector_get (v, replica), ==, counter);
          g_assert_cmpstr (six_version_vector_get_nth (v, j, NULL), ==, replica);
        }

      again = vector (printed);
      assert_order (v, again, SIX_CLOCK_EQUAL);
    }
}

static void
test_vector_parse_reject (void)
{
  static const struct {
    const char *text;
    const char *quoted;  /* must appear in the message */
  } cases[] = {
    { ",", "“,”" },
    { "a", "“a”" },
    { "a=", "“a=”" },
    { "=1", "“=1”" },
    { "a=0", "“a=0”" },
    { "a=00", "“a=00”" },
    { "a=01", "“a=01”" },
    { "a=-1", "“a=-1”" },
    { "a=+1", "“a=+1”" },
    { "a=1,", "“a=1,”" },
    { ",a=1", "“,a=1”" },
    { "a=1,,b=1", "“a=1,,b=1”" },
    { "a=1,a=2", "“a=2”" },
    { "b=1,a=1", "“a=1”" },
    { "a=1,c=1,b=1", "“b=1”" },
    { "a=1,A=1", "“A=1”" },
    { "a=9223372036854775808", "“a=9223372036854775808”" },
    { "a=18446744073709551616", "“a=18446744073709551616”" },
    { "a=99999999999999999999999", "“a=99999999999999999999999”" },
    { "a b=1", "“a b=1”" },
    { "a.b=1", "“a.b=1”" },
    { "a@b=1", "“a@b=1”" },
    { "é=1", "“é=1”" },
    { REPLICA_65 "=1", "“" REPLICA_65 "=1”" },
    { "a=1=2", "“a=1=2”" },
    { "a==1", "“a==1”" },
    { "a=1 ", "“a=1 ”" },
    { " a=1", "“ a=1”" },
    { "a=1;b=2", "“a=1;b=2”" },
    { "a=0x1", "“a=0x1”" },
    { "a=1.5", "“a=1.5”" },
    { "a=1,b=0", "“b=0”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SixVersionVector) v = six_version_vector_parse (cases[i].text, &error);

      g_test_message ("rejecting '%s'", cases[i].text);
      g_assert_null (v);
      g_assert_error (error, SIX_CLOCK_ERROR, SIX_CLOCK_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, cases[i].quoted));
    }

  /* Untrusted bytes still give a valid UTF-8 message. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SixVersionVector) v = six_version_vector_parse ("a\xff=1", &error);

    g_assert_null (v);
    g_assert_error (error, SIX_CLOCK_ERROR, SIX_CLOCK_ERROR_PARSE);
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
  }
}

static void
test_vector_get (void)
{
  g_autoptr(SixVersionVector) v = vector ("b=2,d=4,f=6");

  g_assert_cmpuint (six_version_vector_get (v, "a"), ==, 0);
  g_assert_cmpuint (six_version_vector_get (v, "b"), ==, 2);
  g_assert_cmpuint (six_version_vector_get (v, "c"), ==, 0);
  g_assert_cmpuint (six_version_vector_get (v, "d"), ==, 4);
  g_assert_cmpuint (six_version_vector_get (v, "e"), ==, 0);
  g_assert_cmpuint (six_version_vector_get (v, "f"), ==, 6);
  g_assert_cmpuint (six_version_vector_get (v, "g"), ==, 0);
  g_assert_cmpuint (six_version_vector_get (v, "bb"), ==, 0);
}

/* A counter at its limit (a damaged or forged clock) is an error, never an abort. */
static void
test_vector_increment_limit (void)
{
  g_autoptr(SixVersionVector) v = vector ("a=1,me=9223372036854775807");
  g_autoptr(SixVersionVector) other = six_version_vector_increment (v, "a", NULL);
  g_autoptr(GError) error = NULL;
  SixVersionVector *next;

  next = six_version_vector_increment (v, "me", &error);
  g_assert_null (next);
  g_assert_error (error, SIX_CLOCK_ERROR, SIX_CLOCK_ERROR_OVERFLOW);
  g_assert_nonnull (strstr (error->message, "“me”"));
  assert_vector (other, "a=2,me=9223372036854775807");
}

static void
test_vector_increment (void)
{
  g_autoptr(SixVersionVector) empty = six_version_vector_new ();
  g_autoptr(SixVersionVector) first = six_version_vector_increment (empty, "m", NULL);
  g_autoptr(SixVersionVector) v = vector ("b=1,y=2");
  g_autoptr(SixVersionVector) front = six_version_vector_increment (v, "a", NULL);
  g_autoptr(SixVersionVector) middle = six_version_vector_increment (v, "m", NULL);
  g_autoptr(SixVersionVector) back = six_version_vector_increment (v, "z", NULL);
  g_autoptr(SixVersionVector) existing = six_version_vector_increment (v, "y", NULL);
  g_autoptr(SixVersionVector) twice = six_version_vector_increment (existing, "y", NULL);

  assert_vector (first, "m=1");
  assert_vector (front, "a=1,b=1,y=2");
  assert_vector (middle, "b=1,m=1,y=2");
  assert_vector (back, "b=1,y=2,z=1");
  assert_vector (existing, "b=1,y=3");
  assert_vector (twice, "b=1,y=4");

  /* Immutable: the originals are untouched. */
  assert_vector (empty, "");
  assert_vector (v, "b=1,y=2");

  assert_order (first, empty, SIX_CLOCK_AFTER);
  assert_order (front, v, SIX_CLOCK_AFTER);
  assert_order (middle, v, SIX_CLOCK_AFTER);
  assert_order (back, v, SIX_CLOCK_AFTER);
  assert_order (existing, v, SIX_CLOCK_AFTER);
  assert_order (twice, existing, SIX_CLOCK_AFTER);
  assert_order (front, back, SIX_CLOCK_CONCURRENT);
}

static void
test_vector_increment_all (void)
{
  static const char * const replicas[] = { "a", "b", "c", "d", NULL };
  static const char * const texts[] = {
    "", "a=1", "b=5", "d=2", "a=1,c=1", "b=2,d=3", "a=3,b=1,c=2,d=4",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(SixVersionVector) v = vector (texts[i]);

      for (guint r = 0; replicas[r] != NULL; r++)
        {
          g_autoptr(SixVersionVector) next = six_version_vector_increment (v, replicas[r], NULL);

          assert_order (next, v, SIX_CLOCK_AFTER);
          for (guint k = 0; replicas[k] != NULL; k++)
            g_assert_cmpuint (six_version_vector_get (next, replicas[k]), ==,
                              six_version_vector_get (v, replicas[k]) + (k == r ? 1 : 0));
        }
    }
}

static void
test_vector_invalid_replica (void)
{
  g_autoptr(SixVersionVector) v = six_version_vector_new ();
  SixVersionVector *bad;

  if (!g_test_undefined ())
    return;

  g_test_expect_message ("six-clock", G_LOG_LEVEL_CRITICAL, "*replica_id_is_valid*");
  bad = six_version_vector_increment (v, "not valid", NULL);
  g_test_assert_expected_messages ();
  g_assert_null (bad);

  g_test_expect_message ("six-clock", G_LOG_LEVEL_CRITICAL, "*replica_id_is_valid*");
  bad = six_version_vector_increment (v, "", NULL);
  g_test_assert_expected_messages ();
  g_assert_null (bad);

  g_test_expect_message ("six-clock", G_LOG_LEVEL_CRITICAL, "*replica_id_is_valid*");
  bad = six_version_vector_increment (v, REPLICA_65, NULL);
  g_test_assert_expected_messages ();
  g_assert_null (bad);
}

static void
test_vector_compare (void)
{
  static const struct {
    const char *a;
    const char *b;
    SixClockOrder order;
  } cases[] = {
    { "", "", SIX_CLOCK_EQUAL },
    { "", "a=1", SIX_CLOCK_BEFORE },
    { "a=1", "", SIX_CLOCK_AFTER },
    { "a=1", "a=1", SIX_CLOCK_EQUAL },
    { "a=1,b=2", "a=1,b=2", SIX_CLOCK_EQUAL },
    { "a=1", "a=2", SIX_CLOCK_BEFORE },
    { "a=2", "a=1", SIX_CLOCK_AFTER },
    { "a=1", "b=1", SIX_CLOCK_CONCURRENT },
    { "a=1,b=2", "a=2,b=1", SIX_CLOCK_CONCURRENT },
    { "a=1", "a=1,b=1", SIX_CLOCK_BEFORE },
    { "a=1,b=1", "b=1", SIX_CLOCK_AFTER },
    { "a=2,c=1", "a=1,b=1", SIX_CLOCK_CONCURRENT },
    { "a=1,b=1,c=1", "a=1,c=1", SIX_CLOCK_AFTER },
    { "b=3", "a=1,b=3,c=1", SIX_CLOCK_BEFORE },
    { "b=4", "a=1,b=3,c=1", SIX_CLOCK_CONCURRENT },
    { "a=1,c=1", "b=1", SIX_CLOCK_CONCURRENT },
    { "a=5,b=5,c=5", "a=5,b=5,c=6", SIX_CLOCK_BEFORE },
    { "a=9223372036854775807", "a=9223372036854775806", SIX_CLOCK_AFTER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SixVersionVector) a = vector (cases[i].a);
      g_autoptr(SixVersionVector) b = vector (cases[i].b);

      g_test_message ("compare '%s' with '%s'", cases[i].a, cases[i].b);
      assert_order (a, b, cases[i].order);
      assert_order (a, a, SIX_CLOCK_EQUAL);
    }
}

static void
check_join_laws (SixVersionVector   **vectors,
                 guint                n_vectors,
                 const char * const  *replicas,
                 gboolean             all_triples,
                 GRand               *rand)
{
  for (guint i = 0; i < n_vectors; i++)
    {
      SixVersionVector *a = vectors[i];
      g_autoptr(SixVersionVector) aa = six_version_vector_join (a, a);

      /* Idempotent. */
      assert_order (aa, a, SIX_CLOCK_EQUAL);

      for (guint j = 0; j < n_vectors; j++)
        {
          SixVersionVector *b = vectors[j];
          g_autoptr(SixVersionVector) ab = six_version_vector_join (a, b);
          g_autoptr(SixVersionVector) ba = six_version_vector_join (b, a);
          SixClockOrder order = six_version_vector_compare (a, b);

          /* Commutative. */
          assert_order (ab, ba, SIX_CLOCK_EQUAL);

          /* The pointwise maximum: dominates both and is the least such vector. */
          for (guint k = 0; replicas[k] != NULL; k++)
            g_assert_cmpuint (six_version_vector_get (ab, replicas[k]), ==,
                              MAX (six_version_vector_get (a, replicas[k]),
                                   six_version_vector_get (b, replicas[k])));
          g_assert_cmpint (six_version_vector_compare (ab, a), !=, SIX_CLOCK_BEFORE);
          g_assert_cmpint (six_version_vector_compare (ab, a), !=, SIX_CLOCK_CONCURRENT);
          g_assert_cmpint (six_version_vector_compare (ab, b), !=, SIX_CLOCK_BEFORE);
          g_assert_cmpint (six_version_vector_compare (ab, b), !=, SIX_CLOCK_CONCURRENT);

          /* compare agrees with the definition and with join. */
          g_assert_cmpstr (order_name (order), ==,
                           order_name (reference_order (a, b, replicas)));
          g_assert_cmpint (six_version_vector_equal (ab, b), ==,
                           order == SIX_CLOCK_BEFORE || order == SIX_CLOCK_EQUAL);
          g_assert_cmpint (six_version_vector_equal (ab, a), ==,
                           order == SIX_CLOCK_AFTER || order == SIX_CLOCK_EQUAL);

          /* Associative. */
          for (guint k = 0; k < (all_triples ? n_vectors : 3); k++)
            {
              guint pick = all_triples ? k : (guint) g_rand_int_range (rand, 0, n_vectors);
              SixVersionVector *c = vectors[pick];
              g_autoptr(SixVersionVector) ab_c = six_version_vector_join (ab, c);
              g_autoptr(SixVersionVector) bc = six_version_vector_join (b, c);
              g_autoptr(SixVersionVector) a_bc = six_version_vector_join (a, bc);

              if (!six_version_vector_equal (ab_c, a_bc))
                {
                  g_autofree char *ta = six_version_vector_to_string (a);
                  g_autofree char *tb = six_version_vector_to_string (b);
                  g_autofree char *tc = six_version_vector_to_string (c);

                  g_test_message ("not associative for %s | %s | %s", ta, tb, tc);
                }
              assert_order (ab_c, a_bc, SIX_CLOCK_EQUAL);
            }
        }
    }
}

static void
test_vector_join_exhaustive (void)
{
  static const char * const replicas[] = { "a", "b", "c", NULL };
  SixVersionVector *vectors[27];

  /* Every vector over three replicas with counters 0..2, built by increments. */
  for (guint n = 0; n < G_N_ELEMENTS (vectors); n++)
    {
      SixVersionVector *v = six_version_vector_new ();
      guint digits = n;

      for (guint r = 0; replicas[r] != NULL; r++, digits /= 3)
        {
          for (guint times = 0; times < digits % 3; times++)
            {
              SixVersionVector *next = six_version_vector_increment (v, replicas[r], NULL);

              six_version_vector_unref (v);
              v = next;
            }
        }

      vectors[n] = v;
      g_assert_cmpuint (six_version_vector_get (v, "a"), ==, n % 3);
      g_assert_cmpuint (six_version_vector_get (v, "b"), ==, n / 3 % 3);
      g_assert_cmpuint (six_version_vector_get (v, "c"), ==, n / 9);
    }

  check_join_laws (vectors, G_N_ELEMENTS (vectors), replicas, TRUE, NULL);

  for (guint n = 0; n < G_N_ELEMENTS (vectors); n++)
    six_version_vector_unref (vectors[n]);
}

static void
test_vector_join_random (void)
{
  /* In strcmp order, so the generated text is already canonical. */
  static const char * const replicas[] = { "Z", "_x-y", "a1b2", "m", "ref", NULL };
  g_autoptr(GRand) rand = g_rand_new_with_seed (RANDOM_SEED);
  SixVersionVector *vectors[60];

  g_test_message ("random seed: 0x%08X", RANDOM_SEED);

  for (guint n = 0; n < G_N_ELEMENTS (vectors); n++)
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *text = NULL;
      g_autofree char *printed = NULL;

      for (guint r = 0; replicas[r] != NULL; r++)
        {
          /* Many zeros so vectors often have different replica sets. */
          gint32 counter = g_rand_int_range (rand, -3, 6);

          if (counter > 0)
            g_ptr_array_add (parts, g_strdup_printf ("%s=%d", replicas[r], counter));
        }
      g_ptr_array_add (parts, NULL);

      text = g_strjoinv (",", (char **) parts->pdata);
      vectors[n] = vector (text);
      printed = six_version_vector_to_string (vectors[n]);
      g_assert_cmpstr (printed, ==, text);
    }

  check_join_laws (vectors, G_N_ELEMENTS (vectors), replicas, FALSE, rand);

  for (guint n = 0; n < G_N_ELEMENTS (vectors); n++)
    six_version_vector_unref (vectors[n]);
}

static void
test_vector_boxed (void)
{
  g_autoptr(SixVersionVector) v = vector ("a=1");
  g_auto(GValue) value = G_VALUE_INIT;
  SixVersionVector *copy;

  g_assert_true (G_TYPE_IS_BOXED (six_version_vector_get_type ()));
  g_assert_cmpstr (g_type_name (six_version_vector_get_type ()), ==, "SixVersionVector");

  /* Copying an immutable vector is taking a reference. */
  copy = g_boxed_copy (six_version_vector_get_type (), v);
  g_assert_true (copy == v);
  g_boxed_free (six_version_vector_get_type (), copy);

  g_value_init (&value, six_version_vector_get_type ());
  g_value_set_boxed (&value, v);
  g_assert_true (g_value_get_boxed (&value) == v);

  copy = six_version_vector_ref (v);
  six_version_vector_unref (copy);
  assert_vector (v, "a=1");
}

/* Hybrid logical clock stamps */

static void
test_hlc_compare (void)
{
  static const struct {
    gint64 a_wall;
    guint32 a_counter;
    const char *a_replica;
    gint64 b_wall;
    guint32 b_counter;
    const char *b_replica;
    int expected;
  } cases[] = {
    { 1, 0, "a", 1, 0, "a", 0 },
    { 1, 0, "a", 2, 0, "a", -1 },
    { 1, 5, "a", 1, 6, "a", -1 },
    { 2, 0, "a", 1, 99, "z", 1 },
    { 1, 99, "a", 2, 0, "a", -1 },
    { 1, 5, "b", 1, 5, "a", 1 },
    { 1, 5, "a", 1, 5, "b", -1 },
    { 1, 5, "A", 1, 5, "a", -1 },
    { 1, 5, "a", 1, 5, "ab", -1 },
    { 1, 5, NULL, 1, 5, "a", -1 },
    { 1, 5, "a", 1, 5, NULL, 1 },
    { 1, 5, NULL, 1, 5, NULL, 0 },
    { 1, 6, NULL, 1, 5, "z", 1 },
    { 0, G_MAXUINT32, "a", 1, 0, "a", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SixHlc a = { cases[i].a_wall, cases[i].a_counter, cases[i].a_replica };
      SixHlc b = { cases[i].b_wall, cases[i].b_counter, cases[i].b_replica };

      g_test_message ("case %u", i);
      g_assert_cmpint (sign (six_hlc_compare (&a, &b)), ==, cases[i].expected);
      g_assert_cmpint (sign (six_hlc_compare (&b, &a)), ==, -cases[i].expected);
      g_assert_cmpint (six_hlc_compare (&a, &a), ==, 0);
    }

  /* Equal replica text in different buffers still ties. */
  {
    char buf[] = "abc";
    SixHlc a = { 7, 7, "abc" };
    SixHlc b = { 7, 7, buf };

    g_assert_cmpint (six_hlc_compare (&a, &b), ==, 0);
  }
}

static void
test_hlc_round_trip (void)
{
  static const struct {
    const char *text;
    gint64 wall;
    guint32 counter;
    const char *replica;
  } cases[] = {
    { "0.0@a", 0, 0, "a" },
    { "1763900000123.2@a1b2", G_GINT64_CONSTANT (1763900000123), 2, "a1b2" },
    { "1.10@A-_z9", 1, 10, "A-_z9" },
    { "253402300799999.4294967295@" REPLICA_64,
      G_GINT64_CONSTANT (253402300799999), G_MAXUINT32, REPLICA_64 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *printed = NULL;
      SixHlc stamp = { -1, 0, NULL };
      SixHlc built = { cases[i].wall, cases[i].counter, cases[i].replica };
      g_autofree char *built_text = six_hlc_to_string (&built);

      g_assert_true (six_hlc_parse (cases[i].text, &stamp, &error));
      g_assert_no_error (error);
      assert_hlc (&stamp, cases[i].wall, cases[i].counter, cases[i].replica);

      printed = six_hlc_to_string (&stamp);
      g_assert_cmpstr (printed, ==, cases[i].text);
      g_assert_cmpstr (built_text, ==, cases[i].text);
    }
}

static void
test_hlc_parse_reject (void)
{
  static const char * const cases[] = {
    "",
    "@a",
    "1@a",
    "1.2",
    "1.2@",
    ".2@a",
    "1.@a",
    ".@a",
    "01.2@a",
    "00.0@a",
    "1.02@a",
    "1.00@a",
    "-1.2@a",
    "+1.2@a",
    "1.-2@a",
    " 1.2@a",
    "1.2 @a",
    "1.2@a ",
    "1.2@a b",
    "1.2@a@b",
    "1.2@a.b",
    "1.2.3@a",
    "1,2@a",
    "0x1.2@a",
    "1e3.2@a",
    "253402300800000.0@a",
    "9223372036854775807.0@a",
    "99999999999999999999999.0@a",
    "1.4294967296@a",
    "1.18446744073709551616@a",
    "1.2@é",
    "1.2@" REPLICA_65,
    "a.b@c",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *quoted = g_strdup_printf ("“%s”", cases[i]);
      SixHlc stamp = { -7, 7, "untouched" };

      g_test_message ("rejecting '%s'", cases[i]);
      g_assert_false (six_hlc_parse (cases[i], &stamp, &error));
      g_assert_error (error, SIX_CLOCK_ERROR, SIX_CLOCK_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, quoted));

      /* A failed parse leaves the output alone. */
      g_assert_cmpint (stamp.wall, ==, -7);
      g_assert_cmpuint (stamp.counter, ==, 7);
      g_assert_cmpstr (stamp.replica, ==, "untouched");
    }
}

/* The local clock */

static void
test_hlc_tick_same_ms (void)
{
  FakeWall fake = { G_GINT64_CONSTANT (1763900000123) };
  g_autoptr(SixHlcClock) clock = six_hlc_clock_new ("a1b2", fake_wall_now, &fake);
  SixHlc stamp;

  g_assert_true (six_hlc_clock_get_replica (clock) == g_intern_string ("a1b2"));

  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, fake.now, 0, "a1b2");
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, fake.now, 1, "a1b2");
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, fake.now, 2, "a1b2");

  /* The wall clock advances: the counter resets. */
  fake.now++;
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, fake.now, 0, "a1b2");
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, fake.now, 1, "a1b2");

  fake.now += 1000;
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, fake.now, 0, "a1b2");
}

static void
test_hlc_wall_backwards (void)
{
  FakeWall fake = { 5000 };
  g_autoptr(SixHlcClock) clock = six_hlc_clock_new ("a", fake_wall_now, &fake);
  g_autoptr(GRand) rand = g_rand_new_with_seed (RANDOM_SEED);
  SixHlc prev;
  SixHlc stamp;

  g_test_message ("random seed: 0x%08X", RANDOM_SEED);

  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, 5000, 0, "a");

  /* The wall clock jumps back an hour: the clock keeps its time and counts on. */
  fake.now = 5000 - 3600 * 1000;
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, 5000, 1, "a");
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, 5000, 2, "a");

  fake.now = 5000;
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, 5000, 3, "a");

  fake.now = 5001;
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, 5001, 0, "a");

  /* A wall clock that wanders both ways never makes a stamp go back. */
  prev = stamp;
  for (guint i = 0; i < 2000; i++)
    {
      fake.now += g_rand_int_range (rand, -50, 40);
      six_hlc_clock_tick (clock, &stamp);
      g_assert_cmpint (six_hlc_compare (&prev, &stamp), <, 0);
      g_assert_cmpint (stamp.wall, >=, fake.now);
      g_assert_cmpint (stamp.wall, >=, prev.wall);
      prev = stamp;
    }
}

static void
test_hlc_default_wall (void)
{
  g_autoptr(SixHlcClock) clock = six_hlc_clock_new ("a", NULL, NULL);
  SixHlc stamp;
  gint64 before;
  gint64 after;

  before = g_get_real_time () / 1000;
  six_hlc_clock_tick (clock, &stamp);
  after = g_get_real_time () / 1000;

  g_assert_cmpint (stamp.wall, >=, before);
  g_assert_cmpint (stamp.wall, <=, after);
  g_assert_cmpint (stamp.wall, >, G_GINT64_CONSTANT (1700000000000));
}

static void
test_hlc_observe_ahead (void)
{
  FakeWall fake = { 1000 };
  g_autoptr(SixHlcClock) clock = six_hlc_clock_new ("local", fake_wall_now, &fake);
  SixHlc remote = { 1500, 7, g_intern_string ("remote") };
  SixHlc accepted = { 0, 0, NULL };
  SixHlc stamp;

  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, 1000, 0, "local");

  g_assert_true (six_hlc_clock_observe (clock, &remote, &accepted));
  assert_hlc (&accepted, 1500, 7, "remote");

  /* Later local events sort after what was received, though the wall is still at 1000. */
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, 1500, 9, "local");
  g_assert_cmpint (six_hlc_compare (&remote, &stamp), <, 0);

  fake.now = 1499;
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, 1500, 10, "local");

  fake.now = 1600;
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, 1600, 0, "local");

  /* Exactly at the drift limit is still trusted. */
  remote.wall = fake.now + SIX_HLC_MAX_DRIFT_MS;
  remote.counter = 3;
  g_assert_true (six_hlc_clock_observe (clock, &remote, NULL));
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, fake.now + SIX_HLC_MAX_DRIFT_MS, 5, "local");

  /* The limit is measured from the wall clock, so accepted stamps cannot ratchet it up. */
  remote.wall = fake.now + SIX_HLC_MAX_DRIFT_MS + 1;
  g_assert_false (six_hlc_clock_observe (clock, &remote, &accepted));
  assert_hlc (&accepted, fake.now, 0, "remote");
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, fake.now + SIX_HLC_MAX_DRIFT_MS, 7, "local");
}

static void
test_hlc_observe_behind (void)
{
  FakeWall fake = { 5000 };
  g_autoptr(SixHlcClock) clock = six_hlc_clock_new ("local", fake_wall_now, &fake);
  SixHlc remote = { 1000, 99, g_intern_string ("remote") };
  SixHlc accepted = { 0, 0, NULL };
  SixHlc stamp;

  six_hlc_clock_tick (clock, &stamp);
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, 5000, 1, "local");

  /* An old stamp only counts as an event; its counter does not leak in. */
  g_assert_true (six_hlc_clock_observe (clock, &remote, &accepted));
  assert_hlc (&accepted, 1000, 99, "remote");
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, 5000, 3, "local");
}

static void
test_hlc_observe_same_wall (void)
{
  FakeWall fake = { 2000 };
  g_autoptr(SixHlcClock) clock = six_hlc_clock_new ("local", fake_wall_now, &fake);
  SixHlc remote = { 2000, 10, g_intern_string ("remote") };
  SixHlc stamp;

  six_hlc_clock_tick (clock, &stamp);
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, 2000, 1, "local");

  /* Same millisecond: the larger counter wins, plus one. */
  g_assert_true (six_hlc_clock_observe (clock, &remote, NULL));
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, 2000, 12, "local");

  remote.counter = 1;
  g_assert_true (six_hlc_clock_observe (clock, &remote, NULL));
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, 2000, 14, "local");
}

static void
test_hlc_observe_wall_wins (void)
{
  FakeWall fake = { 2000 };
  g_autoptr(SixHlcClock) clock = six_hlc_clock_new ("local", fake_wall_now, &fake);
  SixHlc remote = { 2500, 40, g_intern_string ("remote") };
  SixHlc stamp;

  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, 2000, 0, "local");

  /* The physical clock is ahead of both: the counter starts over. */
  fake.now = 3000;
  g_assert_true (six_hlc_clock_observe (clock, &remote, NULL));
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, 3000, 1, "local");

  /* A remote stamp one ms ahead of the wall takes over with its counter. */
  remote.wall = 3001;
  remote.counter = 4;
  g_assert_true (six_hlc_clock_observe (clock, &remote, NULL));
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, 3001, 6, "local");
}

static void
test_hlc_observe_far_future (void)
{
  FakeWall fake = { G_GINT64_CONSTANT (1763900000123) };
  g_autoptr(SixHlcClock) clock = six_hlc_clock_new ("local", fake_wall_now, &fake);
  SixHlc remote = { 0, 5, g_intern_string ("wrongdate") };
  SixHlc accepted = { 0, 0, NULL };
  SixHlc stamp;

  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, fake.now, 0, "local");

  remote.wall = fake.now + TEN_YEARS_MS;
  g_assert_cmpint (remote.wall, ==, G_GINT64_CONSTANT (2079519200123));

  /* Clamped, reported, and the local clock stays put. */
  g_assert_false (six_hlc_clock_observe (clock, &remote, &accepted));
  assert_hlc (&accepted, fake.now, 0, "wrongdate");
  assert_hlc (&remote, fake.now + TEN_YEARS_MS, 5, "wrongdate");

  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, fake.now, 2, "local");

  /* Just past the drift limit is clamped too. */
  remote.wall = fake.now + SIX_HLC_MAX_DRIFT_MS + 1;
  g_assert_false (six_hlc_clock_observe (clock, &remote, &accepted));
  assert_hlc (&accepted, fake.now, 0, "wrongdate");
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, fake.now, 4, "local");

  /* The clamped stamp may be the same object as the input. */
  remote.wall = fake.now + TEN_YEARS_MS;
  g_assert_false (six_hlc_clock_observe (clock, &remote, &remote));
  assert_hlc (&remote, fake.now, 0, "wrongdate");
}

static void
test_hlc_clamp (void)
{
  const gint64 now = G_GINT64_CONSTANT (1763900000123);
  SixHlc stamp = { 0, 9, g_intern_string ("r") };
  SixHlc out = { 0, 0, NULL };

  stamp.wall = now - 1;
  g_assert_false (six_hlc_clamp (&stamp, now, &out));
  assert_hlc (&out, now - 1, 9, "r");

  stamp.wall = now + 1;
  g_assert_false (six_hlc_clamp (&stamp, now, &out));
  assert_hlc (&out, now + 1, 9, "r");

  stamp.wall = now + SIX_HLC_MAX_DRIFT_MS;
  g_assert_false (six_hlc_clamp (&stamp, now, &out));
  assert_hlc (&out, now + SIX_HLC_MAX_DRIFT_MS, 9, "r");

  stamp.wall = now + SIX_HLC_MAX_DRIFT_MS + 1;
  g_assert_true (six_hlc_clamp (&stamp, now, &out));
  assert_hlc (&out, now, 0, "r");

  stamp.wall = G_MAXINT64;
  g_assert_true (six_hlc_clamp (&stamp, now, &out));
  assert_hlc (&out, now, 0, "r");

  /* No overflow near the end of time. */
  g_assert_false (six_hlc_clamp (&stamp, G_MAXINT64 - 1, &out));
  assert_hlc (&out, G_MAXINT64, 9, "r");
}

static void
test_hlc_counter_overflow (void)
{
  FakeWall fake = { 1000 };
  g_autoptr(SixHlcClock) clock = six_hlc_clock_new ("local", fake_wall_now, &fake);
  SixHlc remote = { 1000, G_MAXUINT32, g_intern_string ("remote") };
  SixHlc stamp;

  /* The counter is full: the clock carries into the next millisecond. */
  g_assert_true (six_hlc_clock_observe (clock, &remote, NULL));
  six_hlc_clock_tick (clock, &stamp);
  assert_hlc (&stamp, 1001, 1, "local");
  g_assert_cmpint (six_hlc_compare (&remote, &stamp), <, 0);
}

static void
test_hlc_clock_invalid_replica (void)
{
  SixHlcClock *clock;

  if (!g_test_undefined ())
    return;

  g_test_expect_message ("six-clock", G_LOG_LEVEL_CRITICAL, "*replica_id_is_valid*");
  clock = six_hlc_clock_new ("a b", NULL, NULL);
  g_test_assert_expected_messages ();
  g_assert_null (clock);

  g_test_expect_message ("six-clock", G_LOG_LEVEL_CRITICAL, "*replica_id_is_valid*");
  clock = six_hlc_clock_new (NULL, NULL, NULL);
  g_test_assert_expected_messages ();
  g_assert_null (clock);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/clock/vector/empty", test_vector_empty);
  g_test_add_func ("/model/clock/vector/round-trip", test_vector_round_trip);
  g_test_add_func ("/model/clock/vector/parse-reject", test_vector_parse_reject);
  g_test_add_func ("/model/clock/vector/get", test_vector_get);
  g_test_add_func ("/model/clock/vector/increment", test_vector_increment);
  g_test_add_func ("/model/clock/vector/increment-all", test_vector_increment_all);
  g_test_add_func ("/model/clock/vector/increment-limit", test_vector_increment_limit);
  g_test_add_func ("/model/clock/vector/invalid-replica", test_vector_invalid_replica);
  g_test_add_func ("/model/clock/vector/compare", test_vector_compare);
  g_test_add_func ("/model/clock/vector/join-exhaustive", test_vector_join_exhaustive);
  g_test_add_func ("/model/clock/vector/join-random", test_vector_join_random);
  g_test_add_func ("/model/clock/vector/boxed", test_vector_boxed);
  g_test_add_func ("/model/clock/hlc/compare", test_hlc_compare);
  g_test_add_func ("/model/clock/hlc/round-trip", test_hlc_round_trip);
  g_test_add_func ("/model/clock/hlc/parse-reject", test_hlc_parse_reject);
  g_test_add_func ("/model/clock/hlc/tick-same-ms", test_hlc_tick_same_ms);
  g_test_add_func ("/model/clock/hlc/wall-backwards", test_hlc_wall_backwards);
  g_test_add_func ("/model/clock/hlc/default-wall", test_hlc_default_wall);
  g_test_add_func ("/model/clock/hlc/observe-ahead", test_hlc_observe_ahead);
  g_test_add_func ("/model/clock/hlc/observe-behind", test_hlc_observe_behind);
  g_test_add_func ("/model/clock/hlc/observe-same-wall", test_hlc_observe_same_wall);
  g_test_add_func ("/model/clock/hlc/observe-wall-wins", test_hlc_observe_wall_wins);
  g_test_add_func ("/model/clock/hlc/observe-far-future", test_hlc_observe_far_future);
  g_test_add_func ("/model/clock/hlc/clamp", test_hlc_clamp);
  g_test_add_func ("/model/clock/hlc/counter-overflow", test_hlc_counter_overflow);
  g_test_add_func ("/model/clock/hlc/invalid-replica", test_hlc_clock_invalid_replica);

  return g_test_run ();
}
