package org.mastery.progression.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Primitive arrays as one binary value each (big-endian), for snapshots: a long journey keeps its
 * evidence scores, times, methods and types in parallel arrays, and reading one byte string is much
 * cheaper than reading thousands of numbers one token at a time.
 */
final class PackedArrays extends SimpleModule {

    PackedArrays() {
        super("packed-arrays");
        pack(double[].class, Double.BYTES, (bytes, values) -> bytes.asDoubleBuffer().put(values), bytes -> {
            double[] values = new double[bytes.remaining() / Double.BYTES];
            bytes.asDoubleBuffer().get(values);
            return values;
        });
        pack(long[].class, Long.BYTES, (bytes, values) -> bytes.asLongBuffer().put(values), bytes -> {
            long[] values = new long[bytes.remaining() / Long.BYTES];
            bytes.asLongBuffer().get(values);
            return values;
        });
        pack(int[].class, Integer.BYTES, (bytes, values) -> bytes.asIntBuffer().put(values), bytes -> {
            int[] values = new int[bytes.remaining() / Integer.BYTES];
            bytes.asIntBuffer().get(values);
            return values;
        });
    }

    private <T> void pack(Class<T> type, int width, BiConsumer<ByteBuffer, T> write, Function<ByteBuffer, T> read) {
        addSerializer(type, new JsonSerializer<>() {
            @Override
            public void serialize(T values, JsonGenerator gen, SerializerProvider provider) throws IOException {
                ByteBuffer bytes = ByteBuffer.allocate(Array.getLength(values) * width);
                write.accept(bytes, values);
                gen.writeBinary(bytes.array());
            }
        });
        addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext context) throws IOException {
                return read.apply(ByteBuffer.wrap(p.getBinaryValue()));
            }
        });
    }
}
