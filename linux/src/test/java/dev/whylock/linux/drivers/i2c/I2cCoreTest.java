package dev.whylock.linux.drivers.i2c;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The I2C transfer time the timed mode charges: wire time at 100 kHz, rounded up to whole milliseconds. */
class I2cCoreTest {

    @ParameterizedTest(name = "{0} messages, {1} bytes: {2} ms")
    @CsvSource({
        "2, 17, 2",   // sfp_i2c_read of a 16-byte EEPROM chunk: offset + 16 bytes, 174 clocks = 1.74 ms
        "2, 2,  1",   // a one-byte status read: 39 clocks = 0.39 ms
        "1, 2,  1",   // a one-byte write (offset + value)
        "2, 3,  1",   // an mdio-i2c register read: register number + 2 bytes
        "2, 257, 24", // a 256-byte read in one chunk (v5.14 before the first module probe): 2,334 clocks
    })
    void transferMillis_wireTimeAt100kHz_roundedUp(int msgs, int bytes, long millis) {
        assertEquals(millis, I2cCore.transferMillis(msgs, bytes));
    }
}
