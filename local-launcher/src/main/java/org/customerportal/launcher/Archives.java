package org.customerportal.launcher;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/** Unpacks the distributions, keeping the executables executable (kc.sh, initdb, postgres). */
final class Archives {

	private Archives() {
	}

	static void untarGz(Path archive, Path target) {
		try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 65536)) {
			untar(in, target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot unpack " + archive, ex);
		}
	}

	/** The {@code .txz} inside a zonky binaries jar. */
	static void untarXzFromJar(Path jar, Path target) {
		try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(jar)))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().endsWith(".txz")) {
					untar(new XZInputStream(zip), target);
					return;
				}
			}
			throw new IllegalStateException("no .txz in " + jar);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot unpack " + jar, ex);
		}
	}

	private static void untar(InputStream in, Path target) throws IOException {
		Path root = target.toAbsolutePath().normalize();
		TarArchiveInputStream tar = new TarArchiveInputStream(in);
		for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
			Path path = root.resolve(entry.getName()).normalize();
			if (!path.startsWith(root)) {
				throw new IOException("entry outside the target: " + entry.getName());
			}
			if (entry.isDirectory()) {
				Files.createDirectories(path);
			}
			else if (entry.isSymbolicLink()) {
				Files.createDirectories(path.getParent());
				Files.deleteIfExists(path);
				Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
			}
			else if (entry.isLink()) {
				Files.createDirectories(path.getParent());
				Files.copy(root.resolve(entry.getLinkName()), path, StandardCopyOption.REPLACE_EXISTING);
			}
			else {
				Files.createDirectories(path.getParent());
				Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
				if ((entry.getMode() & 0100) != 0) {
					makeExecutable(path);
				}
			}
		}
	}

	private static void makeExecutable(Path path) throws IOException {
		if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path));
			permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
					PosixFilePermission.OTHERS_EXECUTE));
			Files.setPosixFilePermissions(path, permissions);
		}
	}

}
