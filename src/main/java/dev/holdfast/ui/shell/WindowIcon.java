package dev.holdfast.ui.shell;

import java.util.List;
import java.util.stream.Stream;
import javafx.scene.image.Image;

/**
 * The application icon for the window's title bar, task bar and switcher. The PNGs are made from
 * {@code assets/icon/holdfast.svg} by {@code assets/make-icons}; the build copies them onto the
 * class path. Several sizes, so that the system picks a sharp one instead of scaling.
 */
final class WindowIcon {
    static final List<Integer> SIZES = List.of(16, 32, 48, 64, 128, 256);

    private WindowIcon() {
    }

    /** Loads the sizes found (missing resources are skipped: no icon is better than no window). */
    static List<Image> images() {
        return SIZES.stream()
                .map(size -> WindowIcon.class.getResource("/dev/holdfast/ui/icon/holdfast-" + size + ".png"))
                .flatMap(url -> url == null ? Stream.empty() : Stream.of(new Image(url.toExternalForm())))
                .filter(image -> !image.isError())
                .toList();
    }
}
