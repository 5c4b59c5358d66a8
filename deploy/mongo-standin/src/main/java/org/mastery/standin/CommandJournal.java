package org.mastery.standin;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * An append-only file of BSON documents, one after another (each BSON document starts with its own
 * length). Appends go to the operating system at once, so a killed process loses nothing it has
 * acknowledged; a record torn by a crash mid-write is cut off when the file is read back.
 */
final class CommandJournal implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private long bytes;

    private CommandJournal(Path file, FileChannel channel, long bytes) {
        this.file = file;
        this.channel = channel;
        this.bytes = bytes;
    }

    static CommandJournal create(Path file) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new CommandJournal(file, channel, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    Path file() {
        return file;
    }

    long bytes() {
        return bytes;
    }

    void append(Document record) {
        ByteBuf buffer = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(record, buffer);
            ByteBuffer out = buffer.nioBuffer();
            while (out.hasRemaining()) {
                bytes += channel.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        } finally {
            buffer.release();
        }
    }

    /** Makes what was appended durable on disk (a snapshot is renamed into place only after this). */
    void force() {
        try {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Hands every whole record of the file to {@code reader}, in order, and cuts off a torn last record
     * (a crash in the middle of an append). Returns how many records were read.
     */
    static int read(Path file, Consumer<Document> reader) {
        long good = 0;
        int records = 0;
        boolean torn = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DataInputStream data = new DataInputStream(in)) {
            while (true) {
                byte[] lengthBytes = new byte[4];
                int first = data.read(lengthBytes, 0, 1);
                if (first < 0) {
                    break;
                }
                int length;
                byte[] record;
                try {
                    data.readFully(lengthBytes, 1, 3);
                    length = (lengthBytes[0] & 0xff) | (lengthBytes[1] & 0xff) << 8 | (lengthBytes[2] & 0xff) << 16
                            | (lengthBytes[3] & 0xff) << 24;
                    if (length < 5) {
                        torn = true;
                        break;
                    }
                    record = new byte[length];
                    System.arraycopy(lengthBytes, 0, record, 0, 4);
                    data.readFully(record, 4, length - 4);
                } catch (EOFException e) {
                    torn = true;
                    break;
                }
                reader.accept(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(record)));
                good += length;
                records++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (torn) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(good);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot cut the torn end off " + file, e);
            }
        }
        return records;
    }
}
