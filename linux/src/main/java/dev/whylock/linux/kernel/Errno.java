package dev.whylock.linux.kernel;

/** The error numbers the model returns (negated, as in the kernel). */
public final class Errno {
    private Errno() {}

    public static final int EIO = 5;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    public static final int EOPNOTSUPP = 95;
    public static final int EPROBE_DEFER = 517;

    /** The kernel name of a (negative) return value, for messages. */
    public static String name(int err) {
        return switch (-err) {
            case 0 -> "0";
            case EIO -> "-EIO";
            case EAGAIN -> "-EAGAIN";
            case ENOMEM -> "-ENOMEM";
            case EBUSY -> "-EBUSY";
            case ENODEV -> "-ENODEV";
            case EINVAL -> "-EINVAL";
            case EOPNOTSUPP -> "-EOPNOTSUPP";
            case EPROBE_DEFER -> "-EPROBE_DEFER";
            default -> Integer.toString(err);
        };
    }
}
