package dev.aio.gpu.internal;

/**
 * Token ids of several texts padded on the right to the longest, row-major, with the attention
 * mask and the real length of each row: the input every encoder feeds its engine.
 *
 * @param ids {@code rows * length} token ids, 0 in the padding
 * @param mask {@code rows * length} ones on real tokens, zeros on padding
 * @param lengths real tokens per row
 * @param rows texts in the batch
 * @param length the padded length
 */
public record PaddedBatch(long[] ids, long[] mask, int[] lengths, int rows, int length) {

    /**
     * @param tokens token ids per text, each at least one token long
     * @return the padded batch
     */
    public static PaddedBatch of(long[][] tokens) {
        int len = 1;
        for (long[] t : tokens) {
            len = Math.max(len, t.length);
        }
        long[] ids = new long[tokens.length * len];
        long[] mask = new long[ids.length];
        int[] lengths = new int[tokens.length];
        for (int r = 0; r < tokens.length; r++) {
            System.arraycopy(tokens[r], 0, ids, r * len, tokens[r].length);
            java.util.Arrays.fill(mask, r * len, r * len + tokens[r].length, 1L);
            lengths[r] = tokens[r].length;
        }
        return new PaddedBatch(ids, mask, lengths, tokens.length, len);
    }
}
